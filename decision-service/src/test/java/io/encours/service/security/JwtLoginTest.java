package io.encours.service.security;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.security.AccessByRoleTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.encours.service.TestApi;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * With {@code encours.security.jwt.issuer-uri} set, people come with bearer tokens: the roles claim decides,
 * the username is the caller in the audit trail, and a token that is expired, from another issuer or signed
 * by another key is a 401. The issuer's keys are a test key pair here (its own application context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encours.storage.data-dir=target/test-data/${random.uuid}",
        "encours.security.jwt.issuer-uri=" + JwtLoginTest.ISSUER})
@Import(JwtLoginTest.TestIssuer.class)
class JwtLoginTest {
    static final String ISSUER = "https://login.example.test/realms/finance";
    private static final KeyPair ISSUER_KEYS = rsaKeyPair();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestIssuer {
        @Bean
        JwtDecoder testIssuerDecoder() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MongoTemplate mongo;

    /** Without the default API key: the token is the only credential. */
    private TestApi withoutKey() {
        return new TestApi(port).anonymous();
    }

    private TestApi.Response get(String path, String token) {
        return withoutKey().get(path, "Authorization", "Bearer " + token);
    }

    @Test
    void a_committee_member_with_a_token_reads_policies_and_is_named_by_the_token() {
        String token = token(ISSUER_KEYS, ISSUER, "c.lefebvre", List.of("CREDIT_COMMITTEE"), Instant.now().plusSeconds(300));

        assertThat(get("/api/v1/policies", token).status()).isNotIn(401, 403);
        TestApi.Response me = get("/api/v1/admin/me", token);
        assertThat(me.json().get("name").asString()).isEqualTo("c.lefebvre");
        assertThat(me.json().get("kind").asString()).isEqualTo("token");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"CREDIT_COMMITTEE\"]");
    }

    @Test
    void the_roles_claim_decides_and_the_audit_trail_names_the_person() {
        String auditor = token(ISSUER_KEYS, ISSUER, "j.roux", List.of("AUDITOR"), Instant.now().plusSeconds(300));
        String analyst = token(ISSUER_KEYS, ISSUER, "a.martin", List.of("CREDIT_ANALYST"), Instant.now().plusSeconds(300));

        assertProblem(withoutKey().post(orderCheck().path(), orderCheck().body(), "Authorization", "Bearer " + auditor),
                403, "/problems/forbidden");
        TestApi.Response decided = withoutKey().post(orderCheck().path(), orderCheck().body(),
                "Authorization", "Bearer " + analyst);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(mongo.findById(decided.json().get("decisionId").asString(), Document.class, "decisions")
                .getString("caller")).isEqualTo("a.martin");
    }

    @Test
    void an_expired_a_foreign_or_a_forged_token_is_refused() {
        String expired = token(ISSUER_KEYS, ISSUER, "c.lefebvre", List.of("CREDIT_COMMITTEE"), Instant.now().minusSeconds(600));
        String foreign = token(ISSUER_KEYS, "https://elsewhere.test", "c.lefebvre", List.of("CREDIT_COMMITTEE"),
                Instant.now().plusSeconds(300));
        String forged = token(rsaKeyPair(), ISSUER, "c.lefebvre", List.of("ADMIN"), Instant.now().plusSeconds(300));

        for (String token : List.of(expired, foreign, forged, "not-a-jwt")) {
            TestApi.Response response = get("/api/v1/policies", token);
            assertProblem(response, 401, "/problems/unauthenticated");
            assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"));
        }
    }

    @Test
    void api_keys_and_stored_users_keep_working_beside_tokens() {
        assertThat(new TestApi(port).get("/api/v1/admin/me").json().get("name").asString()).isEqualTo("erp");
        assertThat(new TestApi(port).as("auditor", "secret-auditor").get("/api/v1/admin/me").status()).isEqualTo(200);
    }

    private static String token(KeyPair keys, String issuer, String username, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("id-" + username)
                    .claim("preferred_username", username).claim("roles", roles)
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
