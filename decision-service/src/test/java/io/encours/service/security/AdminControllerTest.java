package io.encours.service.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Administration over HTTP: who am I, my password, users and API keys. Bodies are checked field by field
 * before the administration is asked; the acting administrator is the authenticated caller.
 */
@WebMvcTest(AdminController.class)
@Import(io.encours.service.web.WebSlice.class)
class AdminControllerTest {
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final UsernamePasswordAuthenticationToken ADMIN = UsernamePasswordAuthenticationToken.authenticated(
            "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Administration administration;

    private static UserAccount account(String name, Set<Role> roles) {
        return new UserAccount(name, "{bcrypt}hash", roles, true, true, AT, "admin", AT);
    }

    @Test
    void me_lists_my_roles_sorted_and_whether_i_must_change_my_password() throws Exception {
        UsernamePasswordAuthenticationToken analyst = UsernamePasswordAuthenticationToken.authenticated("analyst", null,
                List.of(new SimpleGrantedAuthority("ROLE_CREDIT_MANAGER"), new SimpleGrantedAuthority("ROLE_AUDITOR"),
                        new SimpleGrantedAuthority(PasswordChange.REQUIRED_AUTHORITY)));

        mvc.perform(get("/api/v1/admin/me").principal(analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("analyst"))
                .andExpect(jsonPath("$.kind").value("user"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("AUDITOR", "CREDIT_MANAGER")))
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
    }

    @Test
    void my_password_change_hands_both_passwords_over_and_answers_204() throws Exception {
        mvc.perform(post("/api/v1/admin/me/password").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"old-one\",\"newPassword\":\"a much longer one\"}"))
                .andExpect(status().isNoContent());
        verify(administration).changeOwnPassword("admin", "old-one", "a much longer one");
    }

    @Test
    void a_password_change_without_both_passwords_names_each_missing_field() throws Exception {
        mvc.perform(post("/api/v1/admin/me/password").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("currentPassword", "newPassword")));
        verifyNoInteractions(administration);
    }

    @Test
    void an_api_key_has_no_password_to_change() throws Exception {
        ApiKey key = new ApiKey("k-1", "erp", "hash", "enc_ab", Set.of(Role.ORDER_SYSTEM), AT, "admin", null, null);

        mvc.perform(post("/api/v1/admin/me/password").principal(new ApiKeyAuthentication(key))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"x\",\"newPassword\":\"y\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/not-a-password-account"));
        verifyNoInteractions(administration);
    }

    @Test
    void a_new_user_is_handed_over_and_answered_201_with_its_temporary_password_once() throws Exception {
        given(administration.createUser("analyst2", Set.of(Role.CREDIT_ANALYST), null, "admin")).willReturn(
                new Administration.WithPassword(account("analyst2", Set.of(Role.CREDIT_ANALYST)), "temp-123"));

        mvc.perform(post("/api/v1/admin/users").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"analyst2\",\"roles\":[\"CREDIT_ANALYST\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/users/analyst2"))
                .andExpect(jsonPath("$.temporaryPassword").value("temp-123"))
                .andExpect(jsonPath("$.roles[0]").value("CREDIT_ANALYST"));
    }

    @Test
    void a_new_user_without_a_name_or_roles_or_with_an_unknown_role_is_refused_before_creating() throws Exception {
        mvc.perform(post("/api/v1/admin/users").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("roles", "username")));
        mvc.perform(post("/api/v1/admin/users").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x1\",\"roles\":[\"ROOT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(put("/api/v1/admin/users/x1/roles").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        verify(administration, never()).createUser(anyString(), any(), any(), anyString());
        verify(administration, never()).setRoles(anyString(), any(), anyString());
    }

    @Test
    void roles_enable_disable_unlock_and_reset_are_handed_over_under_the_administrator() throws Exception {
        UserAccount user = account("x1", Set.of(Role.AUDITOR));
        given(administration.setRoles("x1", Set.of(Role.AUDITOR), "admin")).willReturn(user);
        given(administration.setEnabled("x1", false, "admin")).willReturn(user);
        given(administration.setEnabled("x1", true, "admin")).willReturn(user);
        given(administration.unlock("x1", "admin")).willReturn(user);
        given(administration.resetPassword("x1", "admin")).willReturn(new Administration.WithPassword(user, "temp-9"));

        mvc.perform(put("/api/v1/admin/users/x1/roles").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"AUDITOR\"]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist());
        mvc.perform(post("/api/v1/admin/users/x1/disable").principal(ADMIN)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/users/x1/enable").principal(ADMIN)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/users/x1/unlock").principal(ADMIN)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/users/x1/password-reset").principal(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").value("temp-9"));
        verify(administration).setEnabled("x1", false, "admin");
        verify(administration).setEnabled("x1", true, "admin");
        verify(administration).unlock("x1", "admin");
    }

    @Test
    void an_api_key_is_created_with_its_key_shown_once_and_listed_without_it() throws Exception {
        ApiKey key = new ApiKey("k-2", "webshop", "hash", "enc_cd", Set.of(Role.ORDER_SYSTEM), AT, "admin", null, null);
        given(administration.createApiKey("webshop", Set.of(Role.ORDER_SYSTEM), "admin"))
                .willReturn(new ApiKeys.Created(key, "enc_cd-secret"));
        given(administration.apiKeys()).willReturn(List.of(key));

        mvc.perform(post("/api/v1/admin/api-keys").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"webshop\",\"roles\":[\"ORDER_SYSTEM\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/api-keys/k-2"))
                .andExpect(jsonPath("$.key").value("enc_cd-secret"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/admin/api-keys").principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").doesNotExist());
        mvc.perform(post("/api/v1/admin/api-keys").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ORDER_SYSTEM\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
}
