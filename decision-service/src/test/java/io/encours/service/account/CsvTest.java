package io.encours.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_cells_hold_separators_quotes_and_line_breaks_and_rows_keep_their_first_line() {
        List<Csv.Row> rows = Csv.parse("id;name\r\nC-1;\"Dupont; fils\"\r\nC-2;\"Le \"\"Petit\"\"\nSAS\"\nC-3;x", ';');

        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(1).cells()).containsExactly("C-1", "Dupont; fils");
        assertThat(rows.get(2).cells()).containsExactly("C-2", "Le \"Petit\"\nSAS");
        assertThat(rows.get(3).cells()).containsExactly("C-3", "x");
    }
}
