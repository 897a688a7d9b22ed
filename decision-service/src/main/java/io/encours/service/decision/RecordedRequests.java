package io.encours.service.decision;

import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a recorded request back: the {@code input} of an audit record is the request body as the service
 * parsed it, written as JSON, so it reads back into the same body and, with the record's business date,
 * into the same rules request. For replay, what-if and simulation; no validation, the input was valid
 * when it was decided.
 */
@Component
public final class RecordedRequests {
    private final Map<DecisionType, ObjectReader> readers = new EnumMap<>(DecisionType.class);

    RecordedRequests(JsonMapper json) {
        for (DecisionType type : DecisionType.values()) {
            readers.put(type, json.readerFor(bodyClass(type)));
        }
    }

    /**
     * The rules' request of a recorded decision.
     *
     * @throws tools.jackson.core.JacksonException when the input is not a {@code type} request body
     * @throws io.encours.rules.model.InvalidFact  when the request breaks an invariant of the rules' records
     */
    public DecisionRequest read(DecisionType type, String input, LocalDate asOf) {
        DecisionBody body = readers.get(type).readValue(input);
        return RequestFacts.of(body, asOf);
    }

    static Class<? extends DecisionBody> bodyClass(DecisionType type) {
        return switch (type) {
            case ORDER_CHECK -> OrderCheckBody.class;
            case CUSTOMER_SCORE -> CustomerScoreBody.class;
            case PAYMENT_TERMS -> PaymentTermsBody.class;
            case DUNNING -> DunningBody.class;
        };
    }
}
