package io.encours.service.policy;

import io.encours.rules.diff.Change;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.scenario.ScenarioRunner;
import io.encours.rules.verify.Finding;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Policy versions: list, show, download, diff, author drafts, check them, and take them through review to
 * activation and rollback. Who acts is the authenticated caller; roles are enforced by the security
 * filter chain (reads for analysts, managers, committee and auditors; changes for the committee), four
 * eyes by {@link PolicyLifecycle}.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Optional body of review actions. */
    record ActionBody(String comment, String reason, Instant effectiveAt) {
    }

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
        return PolicyVersionView.of(lifecycle.version(number), lifecycle.activeNumber());
    }

    @GetMapping("/{number}/files/{name:.+}")
    ResponseEntity<byte[]> file(@PathVariable int number, @PathVariable String name) {
        return ResponseEntity.ok().contentType(typeOf(name))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(lifecycle.file(number, name));
    }

    @GetMapping(value = "/{number}/bundle", produces = "application/zip")
    ResponseEntity<byte[]> bundle(@PathVariable int number) {
        PolicyVersion v = lifecycle.version(number);
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("policy-" + number + ".zip").build().toString())
                .body(zip(v.bundle()));
    }

    @GetMapping("/{from}/diff/{to}")
    List<Change> diff(@PathVariable int from, @PathVariable int to) {
        return lifecycle.diff(from, to);
    }

    @GetMapping("/{number}/validation")
    Map<String, Object> validation(@PathVariable int number) {
        List<Map<String, Object>> errors = lifecycle.validate(number).stream().map(PolicyProblems::error).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", number);
        body.put("compiles", errors.isEmpty());
        body.put("errors", errors);
        return body;
    }

    @GetMapping("/{number}/verification")
    Map<String, Object> verification(@PathVariable int number) {
        List<Finding> findings = lifecycle.verify(number);
        return Map.of("version", number, "findings", findings);
    }

    @GetMapping("/{number}/scenario-results")
    Map<String, Object> scenarios(@PathVariable int number) {
        ScenarioRunner.Report report = lifecycle.runScenarios(number);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", number);
        body.put("passed", report.passed());
        body.put("failed", report.failed());
        body.put("summary", report.summary());
        body.put("scenarios", report.results().stream().map(PolicyLifecycle::scenario).toList());
        return body;
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
    ResponseEntity<PolicyVersionView> draftFromActive(@RequestBody(required = false) ActionBody body,
                                                      Principal principal,
                                                      @RequestHeader(value = "X-Caller", required = false) String caller) {
        return created(lifecycle.draftFromActive(who(principal, caller), body == null ? null : body.comment()));
    }

    /** A new draft from uploaded files (multipart, any part names), or from one uploaded zip. */
    @PostMapping(value = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PolicyVersionView> upload(MultipartHttpServletRequest request, Principal principal,
                                             @RequestHeader(value = "X-Caller", required = false) String caller) {
        Map<String, byte[]> files = new TreeMap<>();
        for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
            for (MultipartFile part : parts) {
                String name = plainName(part.getOriginalFilename());
                byte[] bytes = bytes(part);
                if (name.toLowerCase().endsWith(".zip")) {
                    files.putAll(unzip(bytes));
                } else {
                    files.put(name, bytes);
                }
            }
        }
        return created(lifecycle.upload(PolicyBundle.of(files), who(principal, caller),
                request.getParameter("comment")));
    }

    @PostMapping(value = "/drafts", consumes = "application/zip")
    ResponseEntity<PolicyVersionView> uploadZip(@RequestBody byte[] zip, Principal principal,
                                                @RequestHeader(value = "X-Caller", required = false) String caller) {
        return created(lifecycle.upload(PolicyBundle.of(unzip(zip)), who(principal, caller), null));
    }

    @PutMapping(value = "/{number}/files/{name:.+}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PolicyVersionView replaceFilePart(@PathVariable int number, @PathVariable String name,
                                      MultipartHttpServletRequest request, Principal principal,
                                      @RequestHeader(value = "X-Caller", required = false) String caller) {
        List<MultipartFile> parts = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
        if (parts.size() != 1) {
            throw PolicyProblems.badUpload("Send exactly one file part (got " + parts.size() + ")");
        }
        return view(lifecycle.replaceFile(number, name, bytes(parts.get(0)), who(principal, caller)));
    }

    @PutMapping("/{number}/files/{name:.+}")
    PolicyVersionView replaceFile(@PathVariable int number, @PathVariable String name, @RequestBody byte[] content,
                                  Principal principal,
                                  @RequestHeader(value = "X-Caller", required = false) String caller) {
        return view(lifecycle.replaceFile(number, name, content, who(principal, caller)));
    }

    @PostMapping("/{number}/submit")
    PolicyVersionView submit(@PathVariable int number, @RequestBody(required = false) ActionBody body,
                             Principal principal, @RequestHeader(value = "X-Caller", required = false) String caller) {
        return view(lifecycle.submit(number, who(principal, caller), comment(body)));
    }

    @PostMapping("/{number}/approve")
    PolicyVersionView approve(@PathVariable int number, @RequestBody(required = false) ActionBody body,
                              Principal principal, @RequestHeader(value = "X-Caller", required = false) String caller) {
        return view(lifecycle.approve(number, who(principal, caller), comment(body)));
    }

    @PostMapping("/{number}/reject")
    @Operation(operationId = "rejectPolicyVersion", summary = "Reject a submitted version (four eyes), with the reason")
    PolicyVersionView reject(@PathVariable int number, @RequestBody(required = false) ActionBody body,
                             Principal principal, @RequestHeader(value = "X-Caller", required = false) String caller) {
        String reason = body == null ? null : body.reason() != null ? body.reason() : body.comment();
        return view(lifecycle.reject(number, who(principal, caller), reason));
    }

    @PostMapping("/{number}/activate")
    PolicyVersionView activate(@PathVariable int number, @RequestBody(required = false) ActionBody body,
                               Principal principal, @RequestHeader(value = "X-Caller", required = false) String caller) {
        return view(lifecycle.activate(number, who(principal, caller), body == null ? null : body.effectiveAt(),
                comment(body)));
    }

    @PostMapping("/rollback")
    PolicyVersionView rollback(@RequestBody(required = false) ActionBody body, Principal principal,
                               @RequestHeader(value = "X-Caller", required = false) String caller) {
        return view(lifecycle.rollback(who(principal, caller), comment(body)));
    }

    private PolicyVersionView view(PolicyVersion v) {
        return PolicyVersionView.of(v, lifecycle.activeNumber());
    }

    private ResponseEntity<PolicyVersionView> created(PolicyVersion v) {
        return ResponseEntity.created(URI.create("/api/v1/policies/" + v.number())).body(view(v));
    }

    private static String comment(ActionBody body) {
        return body == null ? null : body.comment();
    }

    /** The authenticated caller; the X-Caller header only when the request is not authenticated. */
    static String who(Principal principal, String caller) {
        if (principal != null && principal.getName() != null) {
            return principal.getName();
        }
        return caller == null || caller.isBlank() ? "anonymous" : caller.strip();
    }

    static MediaType typeOf(String name) {
        String lower = name.toLowerCase();
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".csv")) {
            return MediaType.parseMediaType("text/csv;charset=UTF-8");
        }
        if (lower.endsWith(".drl") || lower.endsWith(".properties") || lower.endsWith(".txt")) {
            return MediaType.parseMediaType("text/plain;charset=UTF-8");
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    static byte[] zip(PolicyBundle bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files of a zip by plain name, within the upload limits ({@link PolicyUploadLimits}). */
    static Map<String, byte[]> unzip(byte[] zip) {
        return PolicyUploadLimits.unzip(zip);
    }

    private static String plainName(String original) {
        if (original == null || original.isBlank()) {
            throw PolicyProblems.badUpload("Every uploaded part needs a file name");
        }
        String name = original.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
