package io.encours.service.editor;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A version's decision tables as typed grids, its parameters and DRL files, for the editor; edits of a
 * draft's tables and parameters (the committee's, as every change under /api/v1/policies).
 */
@RestController
@RequestMapping("/api/v1/policies/{number}")
class PolicyTablesController {
    private final PolicyTables tables;

    PolicyTablesController(PolicyTables tables) {
        this.tables = tables;
    }

    @GetMapping("/tables")
    PolicyTables.Contents tables(@PathVariable int number, Locale locale) {
        return tables.of(number, locale);
    }

    @PutMapping("/tables/{file:.+}")
    List<PolicyTable> editTable(@PathVariable int number, @PathVariable String file, @RequestBody TableEdit edit,
                                Principal principal) {
        return tables.editTable(number, file, edit, principal.getName());
    }

    @PutMapping("/parameters")
    PolicyTable editParameters(@PathVariable int number, @RequestBody List<PolicyTables.Parameter> parameters,
                               Principal principal) {
        return tables.editParameters(number, parameters, principal.getName());
    }
}
