package io.encours.service.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The benchmark baseline goes through the same web stack as decisions: JSON parsing, size limit, problems. */
@WebMvcTest(NoopController.class)
@Import(WebSlice.class)
class NoopControllerTest {
    @Autowired
    private MockMvc mvc;

    @Test
    void any_json_object_is_answered_ok() throws Exception {
        mvc.perform(post("/api/v1/noop").contentType(MediaType.APPLICATION_JSON).content("{\"order\":{\"amount\":1}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void malformed_json_an_oversized_body_and_the_wrong_method_are_the_api_s_usual_problems() throws Exception {
        mvc.perform(post("/api/v1/noop").contentType(MediaType.APPLICATION_JSON).content("{\"order\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"));
        mvc.perform(post("/api/v1/noop").contentType(MediaType.APPLICATION_JSON).content("x".repeat(70_000)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
        mvc.perform(get("/api/v1/noop"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("/problems/method-not-allowed"));
    }
}
