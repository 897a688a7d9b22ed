package io.encours.service.backtest;

import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Back-tests of a policy version on labelled outcomes: started by managers and the committee. */
@RestController
@RequestMapping(path = "/api/v1/backtests", produces = "application/json")
@Tag(name = "Back-tests", description = "A policy version's customer score checked against known outcomes "
        + "(a labelled CSV), in the background: AUC, Gini, KS, ROC curve, default rate per risk class and per "
        + "scoring-grid row")
@ApiResponse(responseCode = "404", description = "No such back-test or policy version",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class BacktestController {
    /** Largest text/csv body; a multipart file part is bounded by spring.servlet.multipart.max-file-size. */
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final Backtests backtests;

    BacktestController(Backtests backtests) {
        this.backtests = backtests;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(operationId = "startBacktest", summary = "Start a back-test",
            description = "Scores every row of a labelled CSV with the version's customer score, in the background. "
                    + "One column per customer-score request field named by its JSON path "
                    + "(customer.financials.totalAssets, customer.sector...) and a column outcome (1 = defaulted, "
                    + "0 = not). Send it as the body (text/csv, up to 32 MB) or as the one file part of a multipart "
                    + "upload (4 MB). A header naming an unknown column is refused at once (400 naming it); bad "
                    + "rows are listed in the report with their line and reason. Follow it at the Location given.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(type = "object", description = "one file part, e.g. named file"))}))
    @ApiResponse(responseCode = "202", description = "Started; status RUNNING")
    @ApiResponse(responseCode = "400", description = "The header names a column that is no request field, or has "
            + "no outcome column; or version is missing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another back-test is running on this instance",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "The file is too large",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<BacktestJob> startBacktest(
            @Parameter(description = "the policy version (draft, submitted, approved or active)", example = "2")
            @RequestParam(required = false) Integer version,
            @Parameter(description = "decision date of rows without an asOf column; today when left out",
                    example = "2026-12-01")
            @RequestParam(required = false) LocalDate asOf,
            HttpServletRequest request, Principal principal) {
        if (version == null) {
            throw Problems.invalidField("version", "is required: the policy version to back-test, e.g. ?version=2");
        }
        String fileName = null;
        byte[] file;
        if (request instanceof MultipartHttpServletRequest multipart) {
            List<MultipartFile> parts = multipart.getMultiFileMap().values().stream().flatMap(List::stream).toList();
            if (parts.size() != 1) {
                throw BacktestProblems.badFile("Send exactly one file part (got " + parts.size() + ")");
            }
            fileName = parts.get(0).getOriginalFilename();
            file = bytes(parts.get(0));
        } else {
            file = body(request);
        }
        BacktestJob started = backtests.start(version, file, fileName, asOf, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/backtests/" + started.id())).body(started);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "backtest", summary = "One back-test: its progress, and its report once DONE")
    BacktestJob backtest(@PathVariable String id) {
        return backtests.find(id);
    }

    @GetMapping
    @Operation(operationId = "listBacktests", summary = "The back-tests, newest first (without their reports)")
    List<BacktestJob> listBacktests(
            @Parameter(description = "only those of this policy version") @RequestParam(required = false) Integer version,
            @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalidField("limit", "must be between 1 and 500");
        }
        return backtests.list(version, limit);
    }

    @GetMapping("/latest")
    @Operation(operationId = "latestBacktest", summary = "The latest finished back-test of a version, with its report")
    BacktestJob latestBacktest(@Parameter(description = "the policy version", example = "2")
                               @RequestParam(required = false) Integer version) {
        if (version == null) {
            throw Problems.invalidField("version", "is required: the policy version, e.g. ?version=2");
        }
        return backtests.latest(version);
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw BacktestProblems.tooLarge(MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (read.length > MAX_BODY_BYTES) {
                throw BacktestProblems.tooLarge(MAX_BODY_BYTES);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
