@R8 @D6 @procedure-B
Feature: Pay an order and register a new card on the bank's page (procedure B, R8, D6)

  Without registered cards the customer just clicks Prosegui; with registered cards the customer
  picks Nuova carta from the dropdown. The bank's page (Banca Sella) takes the card data, shows a
  summary (Invio dati) and may ask for strong authentication. The new card is registered and
  becomes the renewal payment method (D6), shown only as brand and last four digits (D12).

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    And the services:
      | id         | owner  | product | renewal price | auto-renewal |
      | pec-mario  | mrossi | pec     | 24.90         | no           |
    And the orders:
      | id    | service   | kind    | amount | state            |
      | ord-1 | pec-mario | renewal | 24.90  | Attesa pagamento |

  @smoke @R4
  Scenario: R8 D6 the first card is registered and becomes the renewal method
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4242 4242 4242 4242 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    And the run visited step "prima-carta"
    And the run did not visit step "scegli-nuova-carta"
    And the run visited the steps:
      | reindirizzamento |
      | procedi          |
      | invio-dati       |
      | conferma         |
    And order "ord-1" is in state "Pagato"
    And customer "mrossi" has 1 registered card
    And customer "mrossi" has a registered card ending in "4242"
    And service "pec-mario" renews automatically
    And service "pec-mario" renews with the card ending in "4242"
    And the bank charged 1 time
    And the customer received 2 emails
    And no email shows a full card number

  @R4
  Scenario: R8 D6 Nuova carta beside the saved ones is registered and replaces the renewal method
    Given the registered cards:
      | id     | owner  | brand      | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa       | 4242  | 12/30  | 4242 4242 4242 4242 |
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4000 0027 6000 3184 expiring 11/29
    And the customer enters OTP "123456"
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    And the run visited step "scegli-nuova-carta"
    And the run visited step "codice-otp"
    And the run did not visit step "prima-carta"
    And customer "mrossi" has 2 registered cards
    And customer "mrossi" has a registered card ending in "3184"
    And service "pec-mario" renews with the card ending in "3184"
    And the bank charged 1 time
    And the email "conferma-pagamento" matches its snapshot

  @R8
  Scenario: R8 a card number failing the Luhn check is refused at entry
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4242 4242 4242 4241 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "invalid_card"
    And order "ord-1" is in state "Attesa pagamento"
    And customer "mrossi" has 0 registered cards
    And the bank charged 0 times
    And the customer received 0 emails

  @R8
  Scenario: R8 an expiry in the past is refused at entry
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4242 4242 4242 4242 expiring 01/20
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "invalid_card"
    And order "ord-1" is in state "Attesa pagamento"
    And customer "mrossi" has 0 registered cards
