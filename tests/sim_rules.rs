//! The reference simulator against the rules and decisions of spec/rules.md, driven through the
//! adapter traits on the shipped worlds (flows/worlds/) or on worlds changed field by field.

use flowspec::adapter::{
    Bank, BankStatus, CardEntry, Clock, CustomerArea, Email, Mailer, OrderState, Refusal, Session,
    Target, Timestamp,
};
use flowspec::catalog::Catalog;
use flowspec::ids::{CardId, OrderId, PaymentId, ServiceId, Username};
use flowspec::money::Money;
use flowspec::sim::Simulator;
use flowspec::world::{Card, World};
use std::path::PathBuf;

fn catalog() -> Catalog {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows/catalog.yaml");
    let text = std::fs::read_to_string(path).expect("flows/catalog.yaml is shipped");
    serde_saphyr::from_str(&text).expect("the shipped catalog parses")
}

fn world(name: &str) -> World {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("flows/worlds/{name}.yaml"));
    World::load_file(&path, &catalog()).expect("the shipped world loads")
}

fn sim_of(world: &World) -> Simulator {
    Simulator::new(world, &catalog())
}

fn money(text: &str) -> Money {
    Money::parse(text).unwrap()
}

fn order(id: &str) -> OrderId {
    OrderId::from(id)
}

fn entry(number: &str, expiry: &str) -> CardEntry {
    CardEntry {
        number: number.to_owned(),
        expiry: expiry.to_owned(),
        cvv: "123".to_owned(),
    }
}

async fn login(sim: &mut Simulator, who: &str) -> Session {
    sim.parts().0.login(who).await.expect("a known login")
}

/// Procedure A up to the charge: Paga, the registered card, Prosegui on the summary.
async fn choose_registered(sim: &mut Simulator, who: &str, order_id: &str, card: &str) -> Session {
    let session = login(sim, who).await;
    let area = sim.parts().0;
    area.pay(&session, &order(order_id)).await.unwrap();
    area.choose_card(&session, &order(order_id), &CardId::from(card))
        .await
        .unwrap();
    area.confirm_summary(&session, &order(order_id))
        .await
        .unwrap();
    session
}

/// Procedure B up to the bank's page: Paga, Nuova carta, Prosegui, the redirect.
async fn redirect(sim: &mut Simulator, who: &str, order_id: &str) -> (Session, PaymentId) {
    let session = login(sim, who).await;
    let area = sim.parts().0;
    area.pay(&session, &order(order_id)).await.unwrap();
    area.choose_new_card(&session, &order(order_id))
        .await
        .unwrap();
    let redirect = area.redirect(&session, &order(order_id)).await.unwrap();
    (session, redirect.payment)
}

/// A payment on the bank's page with `number`, up to Invio dati.
async fn pay_on_bank_page(sim: &mut Simulator, payment: &PaymentId, number: &str) -> BankStatus {
    let bank = sim.parts().1;
    bank.enter_card(payment, &entry(number, "12/30"))
        .await
        .unwrap();
    bank.confirm(payment).await.unwrap()
}

fn state(sim: &Simulator, id: &str) -> OrderState {
    sim.order(&order(id)).expect("the order exists").state
}

#[tokio::test(flavor = "current_thread")]
async fn r1_only_an_order_in_attesa_pagamento_can_be_paid() {
    let mut sim = sim_of(&world("esempio"));
    let session = login(&mut sim, "mario.rossi").await;
    let area = sim.parts().0;
    let page = area
        .pay(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(page.order.state, OrderState::AttesaPagamento);
    assert_eq!(page.cards.len(), 1);
    for closed in ["ordine-spid-mario", "ordine-pec-mario-2025"] {
        let refused = area.pay(&session, &order(closed)).await;
        assert_eq!(refused, Err(Refusal::NotPayable), "{closed}");
        let refused = area.redirect(&session, &order(closed)).await;
        assert_eq!(
            refused.map(|r| r.payment),
            Err(Refusal::NotPayable),
            "{closed}"
        );
    }
    assert_eq!(state(&sim, "ordine-spid-mario"), OrderState::Pagato);
    assert_eq!(state(&sim, "ordine-pec-mario-2025"), OrderState::Annullato);
}

#[tokio::test(flavor = "current_thread")]
async fn r2_username_login_lists_every_service_of_the_username() {
    let mut sim = sim_of(&world("esempio"));
    let session = login(&mut sim, "mario.rossi").await;
    assert!(!session.pec_login);
    let area = sim.parts().0;
    let ids: Vec<String> = area
        .services(&session)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(ids, ["pec-mario", "spid-mario", "firma-mario"]);
    let page = area
        .manage(&session, &ServiceId::from("pec-mario"))
        .await
        .unwrap();
    assert_eq!(page.orders.len(), 2);
    // Without a PEC-address login there is no PEC renewal section to land on.
    assert_eq!(
        area.pec_renewal(&session).await.map(|p| p.service.id),
        Err(Refusal::NotFound)
    );
    assert_eq!(
        area.login("nessuno").await.map(|s| s.username),
        Err(Refusal::UnknownCustomer)
    );
}

#[tokio::test(flavor = "current_thread")]
async fn r2_pec_login_sees_only_that_pec() {
    let mut sim = sim_of(&world("esempio"));
    let session = login(&mut sim, "Mario.Rossi@pec.it").await;
    assert!(session.pec_login);
    assert_eq!(session.username, Username::from("mario.rossi"));
    assert_eq!(session.pec.as_deref(), Some("mario.rossi@pec.it"));
    assert_eq!(session.email, "mario.rossi@example.it");
    let area = sim.parts().0;
    let services = area.services(&session).await.unwrap();
    assert_eq!(services.len(), 1);
    assert_eq!(services[0].id, ServiceId::from("pec-mario"));
    let page = area.pec_renewal(&session).await.unwrap();
    assert_eq!(page.service.id, ServiceId::from("pec-mario"));
    assert!(
        page.orders
            .iter()
            .any(|o| o.id == order("ordine-pec-mario"))
    );
    let other = area.manage(&session, &ServiceId::from("spid-mario")).await;
    assert_eq!(other.map(|p| p.service.id), Err(Refusal::Forbidden));
    let other = area.pay(&session, &order("ordine-firma-mario")).await;
    assert_eq!(other.map(|p| p.order.id), Err(Refusal::Forbidden));
    // The PEC itself can be paid, with the username's registered cards (R4).
    let page = area
        .pay(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(page.cards[0].id, CardId::from("visa-4242"));
}

#[tokio::test(flavor = "current_thread")]
async fn d11_other_customers_order_is_forbidden_and_unchanged() {
    let mut sim = sim_of(&world("esempio"));
    let mario = login(&mut sim, "mario.rossi").await;
    let laura = login(&mut sim, "laura.bianchi").await;
    let laura_redirect = sim
        .parts()
        .0
        .redirect(&laura, &order("ordine-pec-laura"))
        .await
        .unwrap();
    let before = sim.order(&order("ordine-pec-laura"));
    let area = sim.parts().0;
    let theirs = order("ordine-pec-laura");
    assert_eq!(
        area.pay(&mario, &theirs).await.map(|p| p.order.id),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        area.manage(&mario, &ServiceId::from("pec-laura"))
            .await
            .map(|p| p.service.id),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        area.choose_new_card(&mario, &theirs)
            .await
            .map(|s| s.order.id),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        area.authorize_cap(&mario, &theirs).await,
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        area.redirect(&mario, &theirs).await.map(|r| r.payment),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        area.complete(&mario, &laura_redirect.payment).await,
        Err(Refusal::Forbidden)
    );
    // Mario cannot use Laura's card on his own order either.
    assert_eq!(
        area.choose_card(
            &mario,
            &order("ordine-pec-mario"),
            &CardId::from("visa-3184")
        )
        .await
        .map(|s| s.order.id),
        Err(Refusal::Forbidden)
    );
    // Unknown ids are not found, not forbidden.
    assert_eq!(
        area.pay(&mario, &order("ordine-inesistente"))
            .await
            .map(|p| p.order.id),
        Err(Refusal::NotFound)
    );
    assert_eq!(
        area.choose_card(&mario, &order("ordine-pec-mario"), &CardId::from("nessuna"))
            .await
            .map(|s| s.order.id),
        Err(Refusal::NotFound)
    );
    assert_eq!(sim.order(&order("ordine-pec-laura")), before);
    assert_eq!(sim.cap_of(&Username::from("mario.rossi")), None);
    assert_eq!(sim.total_charges(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn r3_r7_registered_card_payment_turns_auto_renewal_on_and_becomes_the_method() {
    let mut sim = sim_of(&world("esempio"));
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let area = sim.parts().0;
    let (payment, status) = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(status, BankStatus::Approved);
    let done = area.complete(&session, &payment).await.unwrap().unwrap();
    assert!(done.charged);
    assert!(done.auto_renew_switched_on);
    assert_eq!(done.order.state, OrderState::Pagato);
    assert_eq!(done.card.last4, "4242");
    let service = sim.service(&ServiceId::from("pec-mario")).unwrap();
    assert!(service.auto_renew);
    assert_eq!(service.payment_method, Some(CardId::from("visa-4242")));
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::Pagato);
    assert_eq!(sim.charges(&order("ordine-pec-mario")), 1);
    assert_eq!(
        sim.charged_amount(&order("ordine-pec-mario")),
        Some(money("30.38"))
    );
    assert_eq!(sim.settled_by(&order("ordine-pec-mario")), Some(payment));
}

#[tokio::test(flavor = "current_thread")]
async fn r10_d1_firma_digitale_never_turns_auto_renewal_on() {
    let mut sim = sim_of(&world("esempio"));
    let session =
        choose_registered(&mut sim, "mario.rossi", "ordine-firma-mario", "visa-4242").await;
    let area = sim.parts().0;
    let (payment, _) = area
        .charge(&session, &order("ordine-firma-mario"))
        .await
        .unwrap();
    let done = area.complete(&session, &payment).await.unwrap().unwrap();
    assert!(!done.auto_renew_switched_on);
    assert!(
        !sim.service(&ServiceId::from("firma-mario"))
            .unwrap()
            .auto_renew
    );
    assert_eq!(state(&sim, "ordine-firma-mario"), OrderState::Pagato);
}

#[tokio::test(flavor = "current_thread")]
async fn d9_auto_renewal_already_on_is_not_switched_on_again() {
    let mut world = world("esempio");
    world.services[0].auto_renew = true;
    let mut sim = sim_of(&world);
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let area = sim.parts().0;
    let (payment, _) = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    let done = area.complete(&session, &payment).await.unwrap().unwrap();
    assert!(done.charged);
    assert!(!done.auto_renew_switched_on);
    assert!(done.service.auto_renew);
}

#[tokio::test(flavor = "current_thread")]
async fn r6_d3_cap_is_the_highest_renewal_with_vat_including_the_service_paid() {
    let mut sim = sim_of(&world("esempio"));
    let session = login(&mut sim, "mario.rossi").await;
    let area = sim.parts().0;
    let summary = area
        .choose_card(
            &session,
            &order("ordine-pec-mario"),
            &CardId::from("visa-4242"),
        )
        .await
        .unwrap();
    assert_eq!(summary.auto_renewing, [ServiceId::from("spid-mario")]);
    // SPID 29.90 + IVA = 36.48 beats the PEC's 24.90 + IVA = 30.38.
    assert_eq!(summary.cap_amount, money("36.48"));
    assert_eq!(summary.card.map(|c| c.last4), Some("4242".to_owned()));

    // D3: the service being paid counts too, when its renewal is the dearest.
    let mut dearer = world("esempio");
    dearer.services[0].renewal_net = money("59.00");
    let mut sim = sim_of(&dearer);
    let session = login(&mut sim, "mario.rossi").await;
    let area = sim.parts().0;
    let summary = area
        .choose_new_card(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(summary.cap_amount, money("71.98"));
    assert_eq!(summary.card, None);
}

#[tokio::test(flavor = "current_thread")]
async fn r6_authorizing_the_cap_is_not_a_payment() {
    let mut sim = sim_of(&world("esempio"));
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let area = sim.parts().0;
    let cap = area
        .authorize_cap(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(cap, money("36.48"));
    assert_eq!(sim.cap_of(&Username::from("mario.rossi")), Some(cap));
    assert_eq!(sim.total_charges(), 0);
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::AttesaPagamento);
    // The cap authorized in the procedure travels with the settled payment.
    let area = sim.parts().0;
    let (payment, _) = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    let done = area.complete(&session, &payment).await.unwrap().unwrap();
    assert_eq!(done.cap, Some(cap));
}

#[tokio::test(flavor = "current_thread")]
async fn d4_stopping_at_the_cap_prompt_changes_nothing() {
    let world = world("esempio");
    let mut sim = sim_of(&world);
    choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let pristine = sim_of(&world);
    for id in ["ordine-pec-mario", "ordine-firma-mario"] {
        assert_eq!(sim.order(&order(id)), pristine.order(&order(id)));
    }
    for id in ["pec-mario", "spid-mario"] {
        let id = ServiceId::from(id);
        assert_eq!(sim.service(&id), pristine.service(&id));
    }
    assert_eq!(sim.cap_of(&Username::from("mario.rossi")), None);
    assert_eq!(sim.total_charges(), 0);
    assert!(sim.emails().is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn d7_double_charge_charges_once() {
    let mut sim = sim_of(&world("esempio"));
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let area = sim.parts().0;
    let first = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    let second = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(first, second);
    let done = area.complete(&session, &first.0).await.unwrap().unwrap();
    assert!(done.charged);
    // A refreshed return page and a repeated bank notification settle nothing again.
    let again = area.complete(&session, &first.0).await.unwrap().unwrap();
    assert!(!again.charged);
    assert!(!again.auto_renew_switched_on);
    assert_eq!(again.order, done.order);
    let notified = area.notify(&first.0).await.unwrap().unwrap();
    assert!(!notified.charged);
    assert_eq!(
        area.charge(&session, &order("ordine-pec-mario")).await,
        Err(Refusal::NotPayable)
    );
    assert_eq!(sim.charges(&order("ordine-pec-mario")), 1);
    assert_eq!(sim.total_charges(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn d7_second_tab_on_the_bank_page_charges_once() {
    let mut sim = sim_of(&world("nuova-carta"));
    let (session, first) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    let (_, second) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    assert_ne!(first, second);
    let number = "4242 4242 4242 4242";
    assert_eq!(
        pay_on_bank_page(&mut sim, &first, number).await,
        BankStatus::Approved
    );
    assert_eq!(
        pay_on_bank_page(&mut sim, &second, number).await,
        BankStatus::Approved
    );
    // Invio dati pressed twice answers the same and charges nothing more.
    assert_eq!(
        sim.parts().1.confirm(&first).await,
        Ok(BankStatus::Approved)
    );
    let area = sim.parts().0;
    let done = area.complete(&session, &second).await.unwrap().unwrap();
    assert!(done.charged);
    let again = area.complete(&session, &first).await.unwrap().unwrap();
    assert!(!again.charged);
    assert_eq!(sim.charges(&order("ordine-pec-giulia")), 1);
    assert_eq!(sim.cards_of(&Username::from("giulia.verdi")).len(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn r8_d6_new_card_is_registered_with_brand_last_four_and_expiry_only() {
    let mut sim = sim_of(&world("nuova-carta"));
    let session = login(&mut sim, "giulia.verdi").await;
    let area = sim.parts().0;
    let page = area
        .pay(&session, &order("ordine-pec-giulia"))
        .await
        .unwrap();
    assert!(page.cards.is_empty());
    area.choose_new_card(&session, &order("ordine-pec-giulia"))
        .await
        .unwrap();
    let redirect = area
        .redirect(&session, &order("ordine-pec-giulia"))
        .await
        .unwrap();
    assert_eq!(redirect.bank, "Banca Sella");
    assert_eq!(redirect.amount, money("30.38"));
    let bank = sim.parts().1;
    let shown = bank
        .enter_card(&redirect.payment, &entry("4000 0027 6000 3184", "12/30"))
        .await
        .unwrap();
    assert_eq!(
        (
            shown.brand.as_str(),
            shown.last4.as_str(),
            shown.expiry.as_str()
        ),
        ("Visa", "3184", "12/30")
    );
    assert_eq!(
        bank.confirm(&redirect.payment).await,
        Ok(BankStatus::ScaRequired)
    );
    assert_eq!(
        bank.authenticate(&redirect.payment, "000000").await,
        Ok((BankStatus::Retry, 2))
    );
    assert_eq!(
        bank.authenticate(&redirect.payment, "123456")
            .await
            .map(|r| r.0),
        Ok(BankStatus::Approved)
    );
    let area = sim.parts().0;
    let done = area
        .complete(&session, &redirect.payment)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.card, shown);
    assert!(done.auto_renew_switched_on);
    let cards = sim.cards_of(&Username::from("giulia.verdi"));
    assert_eq!(cards, std::slice::from_ref(&shown));
    let service = sim.service(&ServiceId::from("pec-giulia")).unwrap();
    assert_eq!(service.payment_method, Some(shown.id.clone()));
    // D12: the number appears nowhere the customer area, a trace or a log could show.
    let seen = format!(
        "{sim:?} {} {}",
        serde_json::to_string(&done).unwrap(),
        serde_json::to_string(&cards).unwrap()
    );
    for leak in ["4000002760003184", "4000 0027 6000 3184", "6000"] {
        assert!(!seen.contains(leak), "{leak} in {seen}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn r8_number_failing_luhn_or_past_expiry_is_refused_at_entry() {
    let mut sim = sim_of(&world("nuova-carta"));
    let (_, payment) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    let bank = sim.parts().1;
    // The world's clock is 2026-11-28: a card expiring in October 2026 is past, November is not.
    let cases = [
        ("4242 4242 4242 4241", "12/30", Err(Refusal::InvalidNumber)),
        ("4242", "12/30", Err(Refusal::InvalidNumber)),
        ("4242 4242 4242 4242", "10/26", Err(Refusal::ExpiredAtEntry)),
        ("4242 4242 4242 4242", "13/30", Err(Refusal::ExpiredAtEntry)),
        ("4242 4242 4242 4242", "11/26", Ok("4242".to_owned())),
    ];
    for (number, expiry, expected) in cases {
        let got = bank
            .enter_card(&payment, &entry(number, expiry))
            .await
            .map(|card| card.last4);
        assert_eq!(got, expected, "{expiry}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn d5_declined_test_cards_leave_the_order_payable_and_a_good_card_charges_once() {
    let cases = [
        ("4000 0000 0000 0002", BankStatus::Declined),
        ("4000 0000 0000 9995", BankStatus::InsufficientFunds),
        ("4000 0000 0000 0069", BankStatus::ExpiredCard),
    ];
    for (number, expected) in cases {
        let mut sim = sim_of(&world("nuova-carta"));
        let (session, payment) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
        assert_eq!(pay_on_bank_page(&mut sim, &payment, number).await, expected);
        let area = sim.parts().0;
        assert_eq!(area.complete(&session, &payment).await, Ok(None));
        assert_eq!(
            state(&sim, "ordine-pec-giulia"),
            OrderState::AttesaPagamento
        );
        assert!(sim.cards_of(&Username::from("giulia.verdi")).is_empty());
        assert!(
            !sim.service(&ServiceId::from("pec-giulia"))
                .unwrap()
                .auto_renew
        );
        assert_eq!(sim.total_charges(), 0);

        let (session, retry) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
        let status = pay_on_bank_page(&mut sim, &retry, "4242 4242 4242 4242").await;
        assert_eq!(status, BankStatus::Approved);
        let done = sim.parts().0.complete(&session, &retry).await.unwrap();
        assert!(done.is_some_and(|d| d.charged));
        assert_eq!(sim.charges(&order("ordine-pec-giulia")), 1);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn d5_three_wrong_otps_fail_strong_authentication() {
    let mut sim = sim_of(&world("nuova-carta"));
    let (session, payment) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    let status = pay_on_bank_page(&mut sim, &payment, "4000 0027 6000 3184").await;
    assert_eq!(status, BankStatus::ScaRequired);
    let bank = sim.parts().1;
    let mut answers = Vec::new();
    for otp in ["111111", "222222", "333333", "123456"] {
        answers.push(bank.authenticate(&payment, otp).await.unwrap());
    }
    assert_eq!(
        answers,
        [
            (BankStatus::Retry, 2),
            (BankStatus::Retry, 1),
            (BankStatus::ScaFailed, 0),
            // The attempt is over: the right code no longer helps.
            (BankStatus::ScaFailed, 0),
        ]
    );
    assert_eq!(sim.parts().0.complete(&session, &payment).await, Ok(None));
    assert_eq!(sim.total_charges(), 0);
    assert_eq!(
        state(&sim, "ordine-pec-giulia"),
        OrderState::AttesaPagamento
    );
}

#[tokio::test(flavor = "current_thread")]
async fn d5_timeout_then_status_query_not_charged() {
    let mut sim = sim_of(&world("nuova-carta"));
    let (session, payment) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    let status = pay_on_bank_page(&mut sim, &payment, "4000 0000 0000 0119").await;
    assert_eq!(status, BankStatus::Timeout);
    assert_eq!(
        sim.parts().1.status(&payment).await,
        Ok(BankStatus::NotCharged)
    );
    assert_eq!(sim.parts().0.complete(&session, &payment).await, Ok(None));
    assert_eq!(
        state(&sim, "ordine-pec-giulia"),
        OrderState::AttesaPagamento
    );
    assert_eq!(sim.total_charges(), 0);

    let (session, retry) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    pay_on_bank_page(&mut sim, &retry, "4242 4242 4242 4242").await;
    let done = sim.parts().0.complete(&session, &retry).await.unwrap();
    assert!(done.is_some_and(|d| d.charged));
    assert_eq!(sim.charges(&order("ordine-pec-giulia")), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn d5_abandoning_the_bank_page_changes_nothing() {
    let mut sim = sim_of(&world("nuova-carta"));
    let (session, payment) = redirect(&mut sim, "giulia.verdi", "ordine-pec-giulia").await;
    let bank = sim.parts().1;
    assert_eq!(bank.abandon(&payment).await, Ok(BankStatus::Abandoned));
    assert_eq!(bank.status(&payment).await, Ok(BankStatus::Abandoned));
    assert_eq!(sim.parts().0.complete(&session, &payment).await, Ok(None));
    assert_eq!(
        state(&sim, "ordine-pec-giulia"),
        OrderState::AttesaPagamento
    );
    assert_eq!(sim.total_charges(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn d8_registered_card_payment_may_ask_for_strong_authentication() {
    let mut sim = sim_of(&world("esempio"));
    let session =
        choose_registered(&mut sim, "laura.bianchi", "ordine-pec-laura", "visa-3184").await;
    let area = sim.parts().0;
    let (payment, status) = area
        .charge(&session, &order("ordine-pec-laura"))
        .await
        .unwrap();
    assert_eq!(status, BankStatus::ScaRequired);
    // Asking again while the OTP is pending opens no second payment (D7).
    assert_eq!(
        area.charge(&session, &order("ordine-pec-laura")).await,
        Ok((payment.clone(), BankStatus::ScaRequired))
    );
    assert_eq!(area.complete(&session, &payment).await, Ok(None));
    let bank = sim.parts().1;
    assert_eq!(
        bank.authenticate(&payment, "123456").await.map(|r| r.0),
        Ok(BankStatus::Approved)
    );
    let done = sim.parts().0.complete(&session, &payment).await.unwrap();
    assert!(done.is_some_and(|d| d.charged));
    assert_eq!(sim.total_charges(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn d8_registered_card_is_decided_by_its_test_number() {
    let mut world = world("esempio");
    world.cards.push(Card {
        id: CardId::from("visa-0002"),
        owner: Username::from("mario.rossi"),
        brand: "Visa".to_owned(),
        last4: "0002".to_owned(),
        expiry: "12/30".to_owned(),
        token: "tok_visa0002".to_owned(),
        number: "4000 0000 0000 0002".to_owned(),
    });
    let mut sim = sim_of(&world);
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-0002").await;
    let area = sim.parts().0;
    let (payment, status) = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(status, BankStatus::Declined);
    assert_eq!(area.complete(&session, &payment).await, Ok(None));
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::AttesaPagamento);
    assert!(
        !sim.service(&ServiceId::from("pec-mario"))
            .unwrap()
            .auto_renew
    );
}

#[tokio::test(flavor = "current_thread")]
async fn d8_registered_card_expired_since_it_was_saved_is_declined_as_expired() {
    let mut world = world("esempio");
    world.cards[0].expiry = "10/26".to_owned();
    let mut sim = sim_of(&world);
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let area = sim.parts().0;
    let (_, status) = area
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(status, BankStatus::ExpiredCard);
    assert_eq!(sim.total_charges(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn d5_registered_card_timeout_is_not_charged_on_query() {
    let mut world = world("esempio");
    world.cards[0].number = "4000 0000 0000 0119".to_owned();
    let mut sim = sim_of(&world);
    let session = choose_registered(&mut sim, "mario.rossi", "ordine-pec-mario", "visa-4242").await;
    let (payment, status) = sim
        .parts()
        .0
        .charge(&session, &order("ordine-pec-mario"))
        .await
        .unwrap();
    assert_eq!(status, BankStatus::Timeout);
    assert_eq!(
        sim.parts().1.status(&payment).await,
        Ok(BankStatus::NotCharged)
    );
    assert_eq!(sim.parts().0.complete(&session, &payment).await, Ok(None));
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::AttesaPagamento);
    assert_eq!(sim.total_charges(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn d10_orders_show_net_vat_and_total_rounded_half_up() {
    let mut world = world("esempio");
    world.orders[0].net = money("2.25");
    let sim = sim_of(&world);
    let view = sim.order(&order("ordine-pec-mario")).unwrap();
    assert_eq!(
        (view.net, view.vat, view.total),
        (money("2.25"), money("0.50"), money("2.75"))
    );
    let service = sim.service(&ServiceId::from("spid-mario")).unwrap();
    assert_eq!(service.renewal_total, money("36.48"));
}

#[tokio::test(flavor = "current_thread")]
async fn clock_starts_at_the_world_time_and_ids_count_from_the_seed() {
    let mut sim = sim_of(&world("esempio"));
    let clock = sim.parts().3;
    assert_eq!(clock.now(), Timestamp(1_795_856_400));
    assert_eq!(clock.now(), Timestamp(1_795_856_401));
    assert_eq!(clock.next_id(), 1001);
    let (_, payment) = redirect(&mut sim, "mario.rossi", "ordine-pec-mario").await;
    assert_eq!(payment, PaymentId::from("pay-1002"));
}

#[tokio::test(flavor = "current_thread")]
async fn mailer_keeps_emails_in_the_order_sent() {
    let mut sim = sim_of(&world("esempio"));
    for template in ["conferma-pagamento", "attivazione-rinnovo"] {
        let email = Email {
            template: template.to_owned(),
            to: "mario.rossi@example.it".to_owned(),
            subject: template.to_owned(),
            body: String::new(),
            message: String::new(),
        };
        sim.parts().2.send(email).await;
    }
    let templates: Vec<&str> = sim.emails().iter().map(|e| e.template.as_str()).collect();
    assert_eq!(templates, ["conferma-pagamento", "attivazione-rinnovo"]);
}

/// Runs a shipped flow on a shipped world with the world's default answers.
async fn run_shipped(
    flow: &str,
    world_name: &str,
    overrides: &[(&str, &str)],
) -> (Simulator, flowspec::trace::Trace) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows");
    let project = flowspec::project::Project::load(&dir).expect("the shipped flows check");
    let templates =
        flowspec::email::Templates::load(&dir.join("emails")).expect("the templates load");
    let flow = project
        .flows
        .iter()
        .find(|f| f.id.as_str() == flow)
        .expect("the flow is shipped");
    let world = world(world_name);
    let mut sim = sim_of(&world);
    let engine = flowspec::engine::Engine::new(flow, &project.catalog, &templates);
    let mut choices = world.scripted_choices();
    for (name, value) in overrides {
        choices.set(*name, *value);
    }
    let trace = engine.run(&mut sim, &mut choices).await;
    (sim, trace)
}

#[tokio::test(flavor = "current_thread")]
async fn esempio_world_pays_the_pec_with_the_registered_card_through_the_cap_prompt() {
    let (sim, trace) = run_shipped("paga-carta-registrata", "esempio", &[]).await;
    assert_eq!(trace.outcome.name(), "paid", "{:?}", trace.message);
    let visited: Vec<&str> = trace.steps.iter().map(|s| s.as_str()).collect();
    assert!(visited.contains(&"autorizza-e-procedi"), "{visited:?}");
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::Pagato);
    assert_eq!(sim.charges(&order("ordine-pec-mario")), 1);
    assert_eq!(
        sim.cap_of(&Username::from("mario.rossi")),
        Some(money("36.48"))
    );
    let templates: Vec<&str> = sim.emails().iter().map(|e| e.template.as_str()).collect();
    assert_eq!(templates, ["conferma-pagamento", "attivazione-rinnovo"]);
}

#[tokio::test(flavor = "current_thread")]
async fn nuova_carta_world_pays_on_the_bank_page_and_registers_the_card() {
    let (sim, trace) = run_shipped("paga-nuova-carta", "nuova-carta", &[]).await;
    assert_eq!(trace.outcome.name(), "paid", "{:?}", trace.message);
    assert_eq!(state(&sim, "ordine-pec-giulia"), OrderState::Pagato);
    let cards = sim.cards_of(&Username::from("giulia.verdi"));
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].last4, "3184");
    assert_eq!(sim.total_charges(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn r2_pec_login_goes_straight_to_the_pec_renewal_section_in_the_flow() {
    let login = [("accesso", "mario.rossi@pec.it")];
    let (sim, trace) = run_shipped("paga-carta-registrata", "esempio", &login).await;
    assert_eq!(trace.outcome.name(), "paid", "{:?}", trace.message);
    let visited: Vec<&str> = trace.steps.iter().map(|s| s.as_str()).collect();
    assert!(visited.contains(&"rinnovo-pec"), "{visited:?}");
    assert!(!visited.contains(&"gestisci"), "{visited:?}");
    assert_eq!(state(&sim, "ordine-pec-mario"), OrderState::Pagato);

    // D11: the same PEC login cannot reach the Firma Digitale order.
    let other = [
        ("accesso", "mario.rossi@pec.it"),
        ("ordine", "ordine-firma-mario"),
    ];
    let (sim, trace) = run_shipped("paga-carta-registrata", "esempio", &other).await;
    assert_eq!(trace.outcome.name(), "forbidden", "{:?}", trace.message);
    assert_eq!(
        state(&sim, "ordine-firma-mario"),
        OrderState::AttesaPagamento
    );
}
