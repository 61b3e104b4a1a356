//! The adapter operations a flow may `call`: names, arguments, outcomes and replies.
//!
//! This table is the contract between flows and adapters: the checker validates `call` steps
//! against it, and the engine maps each name to one adapter trait method. The customer's
//! session is implicit: `area.login` opens it, every later `area.*` call acts within it.

/// One operation a `call` step can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// `area.<op>` or `bank.<op>`.
    pub name: &'static str,
    /// What it does, in one line.
    pub doc: &'static str,
    /// Argument names; every one must be given in `with`.
    pub params: &'static [&'static str],
    /// Every outcome it can report; a `call` step must route each one.
    pub outcomes: &'static [&'static str],
    /// Shape of the reply stored by `into`.
    pub reply: &'static str,
}

/// Every operation, customer area first, then the bank's hosted payment page.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        name: "area.login",
        doc: "Authenticates with an Aruba username or a PEC address (R2).",
        params: &["login"],
        outcomes: &["ok", "unknown_customer"],
        reply: "{username, pec_login: bool, pec: PEC address or none, email}",
    },
    Operation {
        name: "area.services",
        doc: "The main page: the services of the session, each with Gestisci (R2).",
        params: &[],
        outcomes: &["ok"],
        reply: "[{id, product, name, renewal_net, renewal_total, auto_renew: bool, payment_method}]",
    },
    Operation {
        name: "area.manage",
        doc: "Gestisci on a service: its page with its orders (R2, D11).",
        params: &["service"],
        outcomes: &["ok", "not_found", "forbidden"],
        reply: "{service: {..as in area.services}, orders: [{id, kind, state, net, vat, total}]}",
    },
    Operation {
        name: "area.pec_renewal",
        doc: "After a PEC-address login: that PEC's renewal section, shown directly (R2).",
        params: &[],
        outcomes: &["ok", "not_found"],
        reply: "{service, orders} as in area.manage",
    },
    Operation {
        name: "area.pay",
        doc: "Paga on an order: opens its payment page, only in Attesa pagamento (R1, D7, D11).",
        params: &["order"],
        outcomes: &["ok", "not_found", "forbidden", "not_payable"],
        reply: "{order: {id, service, product, kind, state, net, vat, total}, cards: [{id, brand, last4, expiry}]}",
    },
    Operation {
        name: "area.choose_card",
        doc: "Carta di credito, a registered card from the dropdown, Prosegui (R4, D11).",
        params: &["order", "card"],
        outcomes: &["ok", "not_found", "forbidden"],
        reply: "Riepilogo ordine: {order, card: {id, brand, last4, expiry}}",
    },
    Operation {
        name: "area.choose_new_card",
        doc: "Carta di credito, Nuova carta (or no card yet), Prosegui (R4).",
        params: &["order"],
        outcomes: &["ok"],
        reply: "Riepilogo ordine: {order}",
    },
    Operation {
        name: "area.confirm_summary",
        doc: "Prosegui on Riepilogo ordine (R5); the reply carries the cap the next page would ask (D3).",
        params: &["order"],
        outcomes: &["ok"],
        reply: "{cap_amount: highest renewal price with VAT among auto-renewing services and this one}",
    },
    Operation {
        name: "area.authorize_cap",
        doc: "Autorizza e procedi: permits future charges up to the cap; not a payment (R6, D3).",
        params: &["order"],
        outcomes: &["ok"],
        reply: "{amount}",
    },
    Operation {
        name: "area.charge",
        doc: "Authorizes the payment with the chosen registered card, server to server (R7, D8, D7).",
        params: &["order"],
        outcomes: &[
            "approved",
            "sca_required",
            "declined",
            "insufficient_funds",
            "expired_card",
            "bank_timeout",
            "not_payable",
        ],
        reply: "{payment}",
    },
    Operation {
        name: "area.redirect",
        doc: "Redirects to the bank's hosted payment page, Banca Sella (R8).",
        params: &["order"],
        outcomes: &["ok", "not_payable"],
        reply: "{payment, bank}",
    },
    Operation {
        name: "area.complete",
        doc: "Back in the customer area: settles the order with the bank, once (D5, D6, D7, R3, R10).",
        params: &["payment"],
        outcomes: &["paid", "not_paid"],
        reply: "{order, service, product, card: {brand, last4, expiry}, auto_renew_switched_on: bool, cap: amount or none, charged: bool}",
    },
    Operation {
        name: "bank.enter_card",
        doc: "Card data on the bank's page, Procedi; a number failing Luhn or a past expiry is refused (R8).",
        params: &["payment", "number", "expiry", "cvv"],
        outcomes: &["ok", "invalid_number", "expired_at_entry"],
        reply: "{brand, last4, expiry}: the summary of the data entered",
    },
    Operation {
        name: "bank.confirm",
        doc: "Invio dati on the bank's summary page (R8).",
        params: &["payment"],
        outcomes: &[
            "approved",
            "sca_required",
            "declined",
            "insufficient_funds",
            "expired_card",
            "bank_timeout",
        ],
        reply: "{payment}",
    },
    Operation {
        name: "bank.authenticate",
        doc: "Strong customer authentication: an OTP; three wrong ones fail the attempt (R8, D8).",
        params: &["payment", "otp"],
        outcomes: &["approved", "retry", "sca_failed"],
        reply: "{attempts_left}",
    },
    Operation {
        name: "bank.abandon",
        doc: "The customer leaves the bank's page without paying (D5).",
        params: &["payment"],
        outcomes: &["ok"],
        reply: "{payment}",
    },
    Operation {
        name: "bank.status",
        doc: "Status query of a payment whose outcome is unknown, after a timeout (D5).",
        params: &["payment"],
        outcomes: &["approved", "not_charged"],
        reply: "{payment}",
    },
];

/// The operation called `name`, if any.
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_prefixed() {
        for (i, op) in OPERATIONS.iter().enumerate() {
            assert!(
                op.name.starts_with("area.") || op.name.starts_with("bank."),
                "{}",
                op.name
            );
            assert!(
                OPERATIONS[i + 1..]
                    .iter()
                    .all(|other| other.name != op.name),
                "{}",
                op.name
            );
            assert!(!op.outcomes.is_empty(), "{}", op.name);
        }
        assert_eq!(find("area.pay").map(|op| op.params), Some(&["order"][..]));
        assert!(find("area.paga").is_none());
    }
}
