package io.encours.service.policy;

import io.encours.rules.diff.Change;
import io.encours.rules.policy.PolicyTexts;
import io.encours.service.policy.PolicyChecks.PolicyValidation;
import io.encours.service.policy.PolicyChecks.PolicyVerification;
import io.encours.service.policy.PolicyChecks.ScenarioResults;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Policy versions: list, show, download, diff, author drafts, check them, and take them through review to
 * activation and rollback. Who acts is the request's {@link Actor}; roles are enforced by the security
 * filter chain (reads for analysts, managers, committee and auditors; changes for the committee), four
 * eyes by {@link PolicyLifecycle}, files in and out by {@link PolicyArchive}.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    /** Optional body of review actions. */
    record ActionBody(String comment, String reason, Instant effectiveAt) {
        static final ActionBody NONE = new ActionBody(null, null, null);

        static ActionBody orNone(ActionBody body) {
            return body == null ? NONE : body;
        }

        /** A rejection's reason, given as {@code reason} or, failing that, as {@code comment}. */
        String reasonOrComment() {
            return reason != null ? reason : comment;
        }

        /**
         * The comment an irreversible action (approve, activate, roll back) records in the policy's trail:
         * required, so that the history says why; a blank one is refused with a problem naming the field.
         */
        String requiredComment(String action) {
            String text = comment == null ? "" : comment.strip();
            if (text.isEmpty()) {
                throw Problems.invalidField("comment", "is required: say why the version is " + action);
            }
            if (text.length() > MAX_COMMENT) {
                throw Problems.invalidField("comment", "must be at most " + MAX_COMMENT + " characters");
            }
            return text;
        }
    }

    /** The longest comment kept in the trail, as for holds. */
    static final int MAX_COMMENT = 2000;

    private final PolicyLifecycle lifecycle;

    PolicyController(PolicyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @Operation(operationId = "listPolicies", summary = "The policy versions, oldest first")
    List<PolicyVersionView> list() {
        int active = lifecycle.activeNumber();
        return lifecycle.versions().stream().map(v -> PolicyVersionView.of(v, active)).toList();
    }

    @GetMapping("/active")
    PolicyVersionView active() {
        return show(lifecycle.activeNumber());
    }

    @GetMapping("/{number}")
    PolicyVersionView show(@PathVariable int number) {
        return view(lifecycle.version(number));
    }

    @GetMapping("/{number}/files/{name:.+}")
    ResponseEntity<byte[]> file(@PathVariable int number, @PathVariable String name) {
        return PolicyArchive.download(name, lifecycle.file(number, name));
    }

    @GetMapping(value = "/{number}/bundle", produces = "application/zip")
    ResponseEntity<byte[]> bundle(@PathVariable int number) {
        return PolicyArchive.download(number, lifecycle.version(number).bundle());
    }

    /** Said in the request's language, with the policy's own texts of the later version ({@code to}). */
    @GetMapping("/{from}/diff/{to}")
    List<PolicyChange> diff(@PathVariable int from, @PathVariable int to, Locale locale) {
        List<Change> changes = lifecycle.diff(from, to);
        return PolicyChange.of(changes, PolicyTexts.of(lifecycle.version(to).bundle(), locale.getLanguage()), locale);
    }

    @GetMapping("/{number}/validation")
    PolicyValidation validation(@PathVariable int number) {
        return PolicyValidation.of(number, lifecycle.validate(number));
    }

    @GetMapping("/{number}/verification")
    PolicyVerification verification(@PathVariable int number) {
        return new PolicyVerification(number, lifecycle.verify(number));
    }

    @GetMapping("/{number}/scenario-results")
    ScenarioResults scenarios(@PathVariable int number) {
        return ScenarioResults.of(number, lifecycle.runScenarios(number));
    }

    @GetMapping("/{number}/actions")
    List<PolicyActions.Entry> actionsOf(@PathVariable int number) {
        lifecycle.version(number);
        return lifecycle.actions(number);
    }

    @GetMapping("/actions")
    List<PolicyActions.Entry> actions() {
        return lifecycle.actions(null);
    }

    /** A new draft, a copy of the active version. */
    @PostMapping(value = "/drafts", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<PolicyVersionView> draftFromActive(@RequestBody(required = false) ActionBody body, Actor actor) {
        return created(lifecycle.draftFromActive(actor.name(), ActionBody.orNone(body).comment()));
    }

    /** A new draft from uploaded files (multipart, any part names), or from one uploaded zip. */
    @PostMapping(value = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PolicyVersionView> upload(MultipartHttpServletRequest request, Actor actor) {
        return created(lifecycle.upload(PolicyArchive.uploaded(request), actor.name(), request.getParameter("comment")));
    }

    @PostMapping(value = "/drafts", consumes = "application/zip")
    ResponseEntity<PolicyVersionView> uploadZip(@RequestBody byte[] zip, Actor actor) {
        return created(lifecycle.upload(PolicyArchive.unzipped(zip), actor.name(), null));
    }

    @PutMapping(value = "/{number}/files/{name:.+}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PolicyVersionView replaceFilePart(@PathVariable int number, @PathVariable String name,
                                      MultipartHttpServletRequest request, Actor actor) {
        return view(lifecycle.replaceFile(number, name, PolicyArchive.onePart(request), actor.name()));
    }

    @PutMapping("/{number}/files/{name:.+}")
    PolicyVersionView replaceFile(@PathVariable int number, @PathVariable String name, @RequestBody byte[] content,
                                  Actor actor) {
        return view(lifecycle.replaceFile(number, name, content, actor.name()));
    }

    @PostMapping("/{number}/submit")
    PolicyVersionView submit(@PathVariable int number, @RequestBody(required = false) ActionBody body, Actor actor) {
        return view(lifecycle.submit(number, actor.name(), ActionBody.orNone(body).comment()));
    }

    @PostMapping("/{number}/approve")
    @Operation(summary = "Approve a submitted version (four eyes), with a mandatory comment",
            description = "A blank or missing comment is 400 /problems/invalid-field naming the field comment.")
    PolicyVersionView approve(@PathVariable int number, @RequestBody(required = false) ActionBody body, Actor actor) {
        return view(lifecycle.approve(number, actor.name(), ActionBody.orNone(body).requiredComment("approved")));
    }

    @PostMapping("/{number}/reject")
    @Operation(operationId = "rejectPolicyVersion", summary = "Reject a submitted version (four eyes), with the reason")
    PolicyVersionView reject(@PathVariable int number, @RequestBody(required = false) ActionBody body, Actor actor) {
        return view(lifecycle.reject(number, actor.name(), ActionBody.orNone(body).reasonOrComment()));
    }

    @PostMapping("/{number}/activate")
    @Operation(summary = "Activate an approved version now, or at a future effectiveAt, with a mandatory comment",
            description = "Without effectiveAt (or with a past one) the version decides every order from this call on. "
                    + "A blank or missing comment is 400 /problems/invalid-field naming the field comment.")
    PolicyVersionView activate(@PathVariable int number, @RequestBody(required = false) ActionBody body, Actor actor) {
        ActionBody b = ActionBody.orNone(body);
        return view(lifecycle.activate(number, actor.name(), b.effectiveAt(), b.requiredComment("activated")));
    }

    @PostMapping("/rollback")
    @Operation(summary = "Return to the version the active one replaced, with a mandatory comment",
            description = "A blank or missing comment is 400 /problems/invalid-field naming the field comment.")
    PolicyVersionView rollback(@RequestBody(required = false) ActionBody body, Actor actor) {
        return view(lifecycle.rollback(actor.name(), ActionBody.orNone(body).requiredComment("rolled back")));
    }

    private PolicyVersionView view(PolicyVersion v) {
        return PolicyVersionView.of(v, lifecycle.activeNumber());
    }

    private ResponseEntity<PolicyVersionView> created(PolicyVersion v) {
        return ResponseEntity.created(URI.create("/api/v1/policies/" + v.number())).body(view(v));
    }
}
