//! The product catalog (D1): which products card payment switches to auto-renewal, and which
//! get the activation email. Data in `flows/catalog.yaml`, not code.

use crate::ids::ProductId;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every product a flow or world may name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Products by id (`pec`, `firma-digitale`...).
    #[schemars(with = "BTreeMap<String, Product>")]
    pub products: BTreeMap<ProductId, Product>,
}

/// One product and the rules the guide gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// The name the guide and the customer area use.
    pub name: String,
    /// Other names the guide uses for it (`Fatturazione PA`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Card payment switches automatic renewal on (R3, R10, D1).
    pub auto_renew: bool,
    /// The customer gets the auto-renewal activation email (R9, D1, D9).
    pub activation_email: bool,
}

impl Catalog {
    /// The product `id`, if the catalog has it.
    pub fn product(&self, id: &ProductId) -> Option<&Product> {
        self.products.get(id)
    }

    /// The ids, for "did you mean" hints.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.products.keys().map(ProductId::as_str)
    }
}
