//! Gherkin data tables as rows of named cells, with the column names a feature may use in
//! English or Italian.

use cucumber::gherkin::Step;
use std::collections::BTreeMap;

/// One row of a table: cell text by canonical column name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What the table describes (`services`), for messages.
    pub table: &'static str,
    /// 1-based, counting the header as row 0.
    pub number: usize,
    cells: BTreeMap<String, String>,
}

impl Row {
    /// The cell of `column`; a step failure naming the table, row and column when it is absent.
    pub fn get(&self, column: &str) -> String {
        match self.cells.get(column) {
            Some(text) => text.clone(),
            None => panic!(
                "the {} table has no column `{column}` (row {}); its columns are: {}",
                self.table,
                self.number,
                self.cells.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// The cell of `column` when the table has that column and the cell is not empty.
    pub fn optional(&self, column: &str) -> Option<String> {
        self.cells
            .get(column)
            .filter(|text| !text.trim().is_empty())
            .cloned()
    }

    /// A step failure about this row's `column`.
    pub fn bad(&self, column: &str, why: impl std::fmt::Display) -> ! {
        panic!(
            "the {} table, row {}, column `{column}`: {why}",
            self.table, self.number
        )
    }
}

/// The rows of the step's table, its first row naming the columns.
pub fn rows(step: &Step, table: &'static str) -> Vec<Row> {
    let Some(data) = step.table.as_ref() else {
        panic!(
            "the step `{}` needs a table of {table} below it",
            step.value
        )
    };
    let Some((header, body)) = data.rows.split_first() else {
        panic!("the {table} table is empty: give a header row and one row per entry")
    };
    let columns: Vec<String> = header.iter().map(|name| canonical(name)).collect();
    body.iter()
        .enumerate()
        .map(|(index, cells)| Row {
            table,
            number: index + 1,
            cells: columns
                .iter()
                .cloned()
                .zip(cells.iter().map(|cell| cell.trim().to_owned()))
                .collect(),
        })
        .collect()
}

/// The cells of a two-column table `NAME | VALUE`, in order (no header).
pub fn pairs(step: &Step) -> Vec<(String, String)> {
    let Some(data) = step.table.as_ref() else {
        panic!(
            "the step `{}` needs a table NAME | VALUE below it",
            step.value
        )
    };
    data.rows
        .iter()
        .map(|cells| match cells.as_slice() {
            [name, value] => (name.trim().to_owned(), value.trim().to_owned()),
            other => panic!(
                "a NAME | VALUE table has two cells per row, this row has {}: {other:?}",
                other.len()
            ),
        })
        .collect()
}

/// The cells of a one-column table, in order.
pub fn list(step: &Step) -> Vec<String> {
    let Some(data) = step.table.as_ref() else {
        panic!(
            "the step `{}` needs a one-column table below it",
            step.value
        )
    };
    data.rows
        .iter()
        .filter_map(|cells| cells.first())
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// The English column name for a header as written (lower case, Italian accepted).
fn canonical(header: &str) -> String {
    let name = header.trim().to_lowercase().replace(['_', '-'], " ");
    let english = match name.as_str() {
        "utente" | "cliente" | "titolare" => "owner",
        "indirizzi pec" | "accesso pec" | "pec" => "pec logins",
        "prodotto" => "product",
        "prezzo rinnovo" | "prezzo di rinnovo" | "renewal net" => "renewal price",
        "rinnovo automatico" | "auto renewal" | "auto renew" => "auto-renewal",
        "servizio" => "service",
        "tipo" => "kind",
        "importo" | "net" => "amount",
        "stato" => "state",
        "marca" | "circuito" => "brand",
        "ultime 4" | "ultime quattro cifre" | "last four" => "last4",
        "scadenza" => "expiry",
        "numero di test" | "numero" | "number" => "test number",
        "nome" => "name",
        "metodo di pagamento" | "payment method" => "payment method",
        other => other,
    };
    english.to_owned()
}

/// `yes`/`no` (or `sì`, `on`, `true`...) as a boolean.
pub fn yes_no(row: &Row, column: &str) -> bool {
    let text = row.get(column).to_lowercase();
    match text.as_str() {
        "yes" | "y" | "on" | "true" | "sì" | "si" | "attivo" => true,
        "no" | "n" | "off" | "false" | "" | "non attivo" => false,
        other => row.bad(column, format!("`{other}` is neither yes nor no")),
    }
}
