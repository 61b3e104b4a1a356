//! The world a scenario starts from, as its Given tables describe it, turned into the
//! simulator's [`flowspec::world::World`] when the first flow runs.

use crate::table::{self, Row};
use flowspec::adapter::{OrderKind, OrderState};
use flowspec::catalog::Catalog;
use flowspec::ids::{CardId, OrderId, ProductId, ServiceId, Username};
use flowspec::money::Money;
use flowspec::world::{Card, Customer, Order, PecLogin, Service, World};

/// 2026-11-28T09:00:00Z: card expiries in the features are judged against this day.
pub const DEFAULT_CLOCK: i64 = 1_795_856_400;

/// The Given tables of a scenario, kept as rows until the catalog is at hand.
#[derive(Clone, Debug, Default)]
pub struct Fixture {
    /// A world file loaded by `the world {string}`, the tables adding to it.
    pub base: Option<World>,
    customers: Vec<Row>,
    services: Vec<Row>,
    orders: Vec<Row>,
    cards: Vec<Row>,
}

impl Fixture {
    /// Adds the rows of a customers table: username, email, pec logins.
    pub fn add_customers(&mut self, rows: Vec<Row>) {
        self.customers.extend(rows);
    }

    /// Adds the rows of a services table: id, owner, product, renewal price, auto-renewal.
    pub fn add_services(&mut self, rows: Vec<Row>) {
        self.services.extend(rows);
    }

    /// Adds the rows of an orders table: id, service, kind, amount, state.
    pub fn add_orders(&mut self, rows: Vec<Row>) {
        self.orders.extend(rows);
    }

    /// Adds the rows of a registered cards table: id, owner, brand, last4, expiry, test number.
    pub fn add_cards(&mut self, rows: Vec<Row>) {
        self.cards.extend(rows);
    }

    /// The service an order is for, from the tables or the world file.
    pub fn service_of(&self, order: &str) -> Option<String> {
        self.orders
            .iter()
            .find(|row| row.get("id") == order)
            .map(|row| row.get("service"))
            .or_else(|| {
                let base = self.base.as_ref()?;
                let found = base.orders.iter().find(|o| o.id.as_str() == order)?;
                Some(found.service.to_string())
            })
    }

    /// The simulator's world: the world file (if any) plus every table row, checked against the
    /// catalog like a world file is.
    pub fn build(&self, catalog: &Catalog) -> World {
        let mut world = self.base.clone().unwrap_or_else(|| World {
            clock: DEFAULT_CLOCK,
            id_seed: 1,
            ..World::default()
        });
        let mut services: Vec<Service> = self
            .services
            .iter()
            .map(|row| service(row, catalog))
            .collect();
        for row in &self.customers {
            name_pecs(row, &self.services, &mut services, catalog);
        }
        world.customers.extend(
            self.customers
                .iter()
                .map(|row| customer(row, &services, catalog)),
        );
        world.services.extend(services);
        world.orders.extend(self.orders.iter().map(order));
        world.cards.extend(self.cards.iter().map(card));
        let problems = flowspec::world::problems(&world, catalog);
        if !problems.is_empty() {
            panic!(
                "the Given tables do not make a valid world:\n{}",
                problems
                    .iter()
                    .map(|problem| format!("  - {problem}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        world
    }
}

fn customer(row: &Row, services: &[Service], catalog: &Catalog) -> Customer {
    let username = Username(row.get("username"));
    let pec_logins = addresses(row)
        .into_iter()
        .map(|address| {
            let service = services
                .iter()
                .find(|service| {
                    service.owner == username
                        && is_pec(&service.product, catalog)
                        && service.name == address
                })
                .map(|service| service.id.clone())
                .unwrap_or_else(|| {
                    row.bad(
                        "pec logins",
                        format!("`{address}` names no PEC service of {username}"),
                    )
                });
            PecLogin { address, service }
        })
        .collect();
    Customer {
        username,
        email: row.get("email"),
        pec_logins,
    }
}

/// R2: a PEC box is known by its address. The customer's n-th PEC login names the n-th PEC
/// service of the services table that has no `name` of its own.
fn name_pecs(customer: &Row, rows: &[Row], services: &mut [Service], catalog: &Catalog) {
    let owner = customer.get("username");
    let unnamed = rows
        .iter()
        .zip(services.iter_mut())
        .filter(|(row, service)| {
            service.owner.0 == owner
                && is_pec(&service.product, catalog)
                && row.optional("name").is_none()
        })
        .map(|(_, service)| service);
    for (service, address) in unnamed.zip(addresses(customer)) {
        service.name = address;
    }
}

fn addresses(row: &Row) -> Vec<String> {
    row.optional("pec logins")
        .map(|cell| {
            cell.split(',')
                .map(str::trim)
                .filter(|address| !address.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn is_pec(product: &ProductId, catalog: &Catalog) -> bool {
    product.as_str() == "pec"
        || catalog
            .product(product)
            .is_some_and(|found| found.name == "PEC")
}

fn service(row: &Row, catalog: &Catalog) -> Service {
    Service {
        id: ServiceId(row.get("id")),
        owner: Username(row.get("owner")),
        product: product(row, catalog),
        name: row.optional("name").unwrap_or_else(|| row.get("id")),
        renewal_net: money(row, "renewal price"),
        auto_renew: table::yes_no(row, "auto-renewal"),
        payment_method: row.optional("payment method").map(CardId),
    }
}

fn product(row: &Row, catalog: &Catalog) -> ProductId {
    let written = row.get("product");
    let wanted = written.to_lowercase();
    catalog
        .products
        .iter()
        .find(|(id, product)| {
            id.as_str() == wanted
                || product.name.to_lowercase() == wanted
                || product
                    .aliases
                    .iter()
                    .any(|alias| alias.to_lowercase() == wanted)
        })
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| {
            let known: Vec<&str> = catalog.ids().collect();
            row.bad(
                "product",
                format!(
                    "`{written}` is not in the catalog; known: {}",
                    known.join(", ")
                ),
            )
        })
}

fn order(row: &Row) -> Order {
    let kind = match row.get("kind").to_lowercase().as_str() {
        "purchase" | "acquisto" => OrderKind::Purchase,
        "renewal" | "rinnovo" => OrderKind::Renewal,
        other => row.bad("kind", format!("`{other}` is neither purchase nor renewal")),
    };
    let state = state(&row.get("state")).unwrap_or_else(|| {
        row.bad(
            "state",
            "write Attesa pagamento, Pagato or Annullato, as the customer area shows it",
        )
    });
    Order {
        id: OrderId(row.get("id")),
        service: ServiceId(row.get("service")),
        kind,
        net: money(row, "amount"),
        state,
    }
}

/// An order state from its label (`Attesa pagamento`), case aside.
pub fn state(label: &str) -> Option<OrderState> {
    [
        OrderState::AttesaPagamento,
        OrderState::Pagato,
        OrderState::Annullato,
    ]
    .into_iter()
    .find(|state| state.label().eq_ignore_ascii_case(label.trim()))
}

fn card(row: &Row) -> Card {
    let id = row.get("id");
    let number = row.get("test number");
    Card {
        token: format!("tok_{id}"),
        id: CardId(id),
        owner: Username(row.get("owner")),
        brand: row.get("brand"),
        last4: row.get("last4"),
        expiry: row.get("expiry"),
        number,
    }
}

fn money(row: &Row, column: &str) -> Money {
    Money::parse(&row.get(column)).unwrap_or_else(|why| row.bad(column, why))
}
