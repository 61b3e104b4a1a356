//! The step library: world setup, the customer's choices and runs, checks on the outcome and
//! on the simulator, emails. `*_it.rs` hold the Italian phrases of `# language: it` features.

mod checks;
mod checks_it;
mod choices;
mod choices_it;
mod emails;
mod params;
mod setup;
mod setup_it;
