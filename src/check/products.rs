//! F007: every product a flow applies to is in the catalog.

use super::report::Report;
use super::suggest;
use crate::catalog::Catalog;
use crate::diagnostic::Code;
use crate::raw::RawFlow;

/// Reports F007 for each product id the catalog does not have.
pub fn check(raw: &RawFlow, catalog: &Catalog, report: &mut Report) {
    for product in &raw.products {
        if catalog.ids().any(|id| id == product.value) {
            continue;
        }
        let hint = suggest::hint(&product.value, catalog.ids(), || {
            format!(
                "the catalog (flows/catalog.yaml) has: {}",
                catalog.ids().collect::<Vec<_>>().join(", ")
            )
        });
        report.on(
            Code::UnknownProduct,
            product,
            format!("product `{}` is not in the catalog", product.value),
            hint,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{HEADER, check_yaml};
    use crate::diagnostic::Code;

    #[test]
    fn f007_unknown_product() {
        let yaml = HEADER.replace("[pec]", "[pec, firma-digitali]") + "  - id: a\n    end: paid\n";
        let found: Vec<_> = check_yaml(&yaml)
            .unwrap_err()
            .into_iter()
            .map(|d| (d.code, d.position.map(|p| (p.line, p.column)), d.hint))
            .collect();
        assert_eq!(
            found,
            vec![(
                Code::UnknownProduct,
                Some((4, 17)),
                Some("did you mean `firma-digitale`?".to_owned())
            )]
        );
    }
}
