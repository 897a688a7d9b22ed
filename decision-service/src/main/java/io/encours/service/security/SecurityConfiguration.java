package io.encours.service.security;

import static io.encours.service.security.Role.ADMIN;
import static io.encours.service.security.Role.AUDITOR;
import static io.encours.service.security.Role.CREDIT_ANALYST;
import static io.encours.service.security.Role.CREDIT_COMMITTEE;
import static io.encours.service.security.Role.CREDIT_MANAGER;
import static io.encours.service.security.Role.ERP_FEED;
import static io.encours.service.security.Role.ORDER_SYSTEM;

import io.encours.service.executor.Pools;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, in one place. Deny by default; health and the API description are public. Machine
 * clients send {@code X-API-Key}; people use HTTP Basic against the stored accounts, or a bearer token from
 * the OIDC issuer when {@code encours.security.jwt.issuer-uri} is set. No session, no cookie: every request
 * carries its credentials, so there is nothing for a cross-site request to ride on (CSRF protection off).
 * Features may add finer checks behind the map ({@code @PreAuthorize}, or an {@code AccessDeniedException}
 * from a service); they answer the same 403 problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {
    // Package-private: Permissions names these groups for clients (GET /api/v1/admin/me).
    static final String[] DECIDERS = Role.names(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    static final String[] DECISION_READERS =
            Role.names(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE, AUDITOR);
    static final String[] CREDIT_STAFF = Role.names(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    static final String[] CREDIT_STAFF_AND_AUDITORS =
            Role.names(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE, AUDITOR);
    /** Who starts simulations and back-tests. */
    static final String[] RUN_STARTERS = Role.names(CREDIT_MANAGER, CREDIT_COMMITTEE);
    private static final String[] ACCOUNT_LOADERS = Role.names(ERP_FEED, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    private static final String[] LEDGER_READERS =
            Role.names(ERP_FEED, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE, AUDITOR);
    private static final String[] HOLD_STATUS_READERS =
            Role.names(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys apiKeys, LoginFailures loginFailures,
                                            JsonMapper json, SecurityProperties properties,
                                            ObjectProvider<JwtDecoder> jwtDecoders) throws Exception {
        SecurityProblems problems = new SecurityProblems(json, properties.jwt().enabled());
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                // After the key filter (same position, kept in the order added): a bad key is not a bad password
                .addFilterBefore(new LoginLockout(loginFailures, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // The policy editor's static page: it logs in through the API like any client
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.svg", "/favicon.ico",
                                "/assets/**").permitAll()
                        // Decisions
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions/**").hasAnyRole(DECIDERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/**", "/api/v1/customers/**")
                        .hasAnyRole(DECISION_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/noop").authenticated()
                        // Trying a request against any version: an evaluation only, nothing is recorded
                        .requestMatchers(HttpMethod.POST, "/api/v1/policies/*/evaluate").hasAnyRole(CREDIT_STAFF)
                        // Policies: read by credit staff and auditors, changed by the committee
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers("/api/v1/policies/**").hasRole(CREDIT_COMMITTEE.name())
                        // Credit holds
                        .requestMatchers(HttpMethod.GET, "/api/v1/holds/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/holds/*/release", "/api/v1/holds/*/reject")
                        .hasAnyRole(CREDIT_STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders/*/hold").hasAnyRole(HOLD_STATUS_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/hold/callback").hasRole(ORDER_SYSTEM.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/orders/*/hold/callback").hasRole(ORDER_SYSTEM.name())
                        // Simulations of a version over recorded decisions: started by the committee and managers
                        .requestMatchers(HttpMethod.GET, "/api/v1/simulations/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers("/api/v1/simulations/**").hasAnyRole(RUN_STARTERS)
                        // Back-tests of a version on labelled outcomes: the same roles as simulations
                        .requestMatchers(HttpMethod.GET, "/api/v1/backtests/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers("/api/v1/backtests/**").hasAnyRole(RUN_STARTERS)
                        // Credit accounts: kept by credit staff, read by auditors, loaded from the ERP's export by its
                        // feed; the order-entry system reads none (it sends the customer id, Encours reads the account)
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/imports").hasAnyRole(ACCOUNT_LOADERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/accounts", "/api/v1/accounts/**")
                        .hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers("/api/v1/accounts", "/api/v1/accounts/**").hasAnyRole(CREDIT_STAFF)
                        // The receivables ledger: the ERP's events and exports come in through its feed alone
                        // the check of every account's totals is credit staff's, like an account's rebuild
                        .requestMatchers(HttpMethod.POST, "/api/v1/ledger/checks").hasAnyRole(CREDIT_STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/**").hasAnyRole(LEDGER_READERS)
                        .requestMatchers("/api/v1/ledger/**").hasRole(ERP_FEED.name())
                        // Collections: credit staff run dunning and work the worklist, auditors read
                        .requestMatchers(HttpMethod.GET, "/api/v1/collections/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        .requestMatchers("/api/v1/collections/**").hasAnyRole(CREDIT_STAFF)
                        // Decision counts for the overview page
                        .requestMatchers(HttpMethod.GET, "/api/v1/stats/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        // Receivables KPIs and their exports: read by credit staff and auditors, never by systems
                        .requestMatchers(HttpMethod.GET, "/api/v1/kpis/**").hasAnyRole(CREDIT_STAFF_AND_AUDITORS)
                        // The audit explorer: search, exports, hash-chain verification
                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR.name())
                        // Administration: anyone may see who they are and change their own password
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/me/password").authenticated()
                        // Administration is done by people under their own name, never with a key
                        .requestMatchers("/api/v1/admin/**").access(SecurityConfiguration::administratorInPerson)
                        // Operations
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics",
                                "/actuator/metrics/**").hasAnyRole(Role.names(ADMIN, AUDITOR))
                        .requestMatchers("/actuator/**").hasRole(ADMIN.name())
                        .anyRequest().denyAll());
        if (properties.jwt().enabled()) {
            JwtDecoder decoder = jwtDecoders.getIfAvailable(() -> new SupplierJwtDecoder(
                    () -> JwtDecoders.fromIssuerLocation(properties.jwt().issuerUri())));
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtRoles(properties.jwt().rolesClaim()))));
        }
        return http.build();
    }

    private static AuthorizationDecision administratorInPerson(Supplier<? extends Authentication> who,
                                                               RequestAuthorizationContext request) {
        Authentication caller = who.get();
        return new AuthorizationDecision(caller != null && !(caller instanceof ApiKeyAuthentication)
                && caller.getAuthorities().stream().anyMatch(a -> ADMIN.authority().equals(a.getAuthority())));
    }

    /** The API description names the three ways to authenticate; every endpoint takes any of them. */
    @Bean
    OpenApiCustomizer securitySchemes() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                            .description("Machine clients: a key created by an administrator"))
                    .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("People: username and password"))
                    .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("People, when an OIDC issuer is configured"));
            api.setSecurity(List.of(new SecurityRequirement().addList("apiKey"),
                    new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties, Clock clock) {
        return new RememberedPasswordChecks(new BCryptPasswordEncoder(properties.bcryptStrength()),
                Duration.ofMinutes(5), clock);
    }

    @Bean
    UserAccountStore userAccounts(MongoTemplate mongo, WriteDurability durability) {
        return new UserAccountStore(mongo, durability);
    }

    @Bean
    PeopleDirectory peopleDirectory(UserAccountStore accounts) {
        return new PeopleDirectory(accounts);
    }

    @Bean
    ApiKeys apiKeys(MongoTemplate mongo, WriteDurability durability, SecurityProperties properties, Clock clock) {
        return new ApiKeys(new ApiKeyStore(mongo, durability, properties.createIndexes()), toTheMillisecond(clock));
    }

    /** The administration trail's store; the auditors' search and retention read it too. */
    @Bean
    AdminTrailStore adminTrailStore(MongoTemplate mongo, WriteDurability durability, SecurityProperties properties) {
        return new AdminTrailStore(mongo, durability, properties.createIndexes());
    }

    @Bean
    AdminActions adminActions(AdminTrailStore store, Clock clock) {
        return new AdminActions(store, toTheMillisecond(clock));
    }

    @Bean
    LoginFailures loginFailures(MongoTemplate mongo, AdminActions actions, SecurityProperties properties, Clock clock) {
        LoginFailures failures = new LoginFailures(new LoginFailureStore(mongo, properties.createIndexes()), actions,
                properties.lockout(), toTheMillisecond(clock));
        failures.createIndexes();
        return failures;
    }

    @Bean
    CredentialOwners credentialOwners(ApiKeys apiKeys) {
        return new CredentialOwners(apiKeys);
    }

    @Bean
    Administration administration(UserAccountStore users, ApiKeys apiKeys, PasswordEncoder passwords,
                                  AdminActions events, LoginFailures loginFailures, Clock clock) {
        return new Administration(users, apiKeys, passwords, events, loginFailures, toTheMillisecond(clock));
    }

    /** Creates the first accounts before the server takes requests, then re-reads the API keys regularly. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService apiKeyRefresh(UserAccountStore users, ApiKeys apiKeys, PasswordEncoder passwords,
                                           AdminActions events, SecurityProperties properties, Clock clock,
                                           MeterRegistry meters) {
        SecurityBootstrap bootstrap = new SecurityBootstrap(users, apiKeys, passwords, events, properties.bootstrap(),
                toTheMillisecond(clock));
        // A store unreachable at start-up does not stop the service: the bootstrap is retried with each refresh.
        java.util.concurrent.atomic.AtomicBoolean bootstrapped = new java.util.concurrent.atomic.AtomicBoolean(
                runBootstrap(bootstrap));
        // One thread: a refresh never overlaps the previous one.
        ScheduledExecutorService refresh = Pools.scheduled("api-key-refresh", 1, meters);
        long millis = properties.apiKeyRefresh().toMillis();
        refresh.scheduleWithFixedDelay(() -> {
            if (bootstrapped.get() || bootstrapped.compareAndSet(false, runBootstrap(bootstrap))) {
                apiKeys.refresh();
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return refresh;
    }

    private static boolean runBootstrap(SecurityBootstrap bootstrap) {
        try {
            bootstrap.run();
            return true;
        } catch (org.springframework.dao.DataAccessException | com.mongodb.MongoException e) {
            org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class).warn("security bootstrap not run, the store is "
                    + "unreachable; retried with each API key refresh reason=\"{}\"", e.getMessage());
            return false;
        }
    }

    /** The precision of a BSON date, so that an answer shows the same instant as the stored document. */
    private static Clock toTheMillisecond(Clock clock) {
        return Clock.tick(clock, java.time.Duration.ofMillis(1));
    }
}
