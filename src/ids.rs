//! Newtypes for the identifiers that travel between flows, worlds, adapters and traces.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The identifier as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    };
}

id_type!(
    /// A step of a flow (`scegli-carta`).
    StepId
);
id_type!(
    /// A flow (`paga-carta-registrata`).
    FlowId
);
id_type!(
    /// A product of the catalog (`pec`, `firma-digitale`).
    ProductId
);
id_type!(
    /// An Aruba username, the owner of services, orders and cards.
    Username
);
id_type!(
    /// A service of a customer (a PEC box, a SPID identity...).
    ServiceId
);
id_type!(
    /// An order (purchase or renewal) of a service.
    OrderId
);
id_type!(
    /// A registered card, by its id in the customer area (never its number).
    CardId
);
id_type!(
    /// A payment session on the bank's hosted payment page.
    PaymentId
);
