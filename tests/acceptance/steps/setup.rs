//! Given steps: the world a scenario starts from, from data tables or a world file.

use crate::scenario::Acceptance;
use crate::table;
use cucumber::gherkin::Step;
use cucumber::given;

/// Adds customers from a table: username, email, pec logins (comma-separated PEC addresses).
#[given(expr = "the customers:")]
pub async fn customers(world: &mut Acceptance, step: &Step) {
    world.fixture.add_customers(table::rows(step, "customers"));
}

/// Adds services from a table: id, owner, product, renewal price (net), auto-renewal (yes/no).
#[given(expr = "the services:")]
pub async fn services(world: &mut Acceptance, step: &Step) {
    world.fixture.add_services(table::rows(step, "services"));
}

/// Adds orders from a table: id, service, kind (purchase/renewal), amount (net), state.
#[given(expr = "the orders:")]
pub async fn orders(world: &mut Acceptance, step: &Step) {
    world.fixture.add_orders(table::rows(step, "orders"));
}

/// Adds registered cards from a table: id, owner, brand, last4, expiry, test number.
#[given(expr = "the registered cards:")]
pub async fn cards(world: &mut Acceptance, step: &Step) {
    world
        .fixture
        .add_cards(table::rows(step, "registered cards"));
}

/// Starts from the world file `flows/worlds/<name>.yaml`; tables add to it.
#[given(expr = "the world {string}")]
pub async fn world_file(world: &mut Acceptance, name: String) {
    world.fixture.base = Some(crate::driver::load_world(&name));
}
