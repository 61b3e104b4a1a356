@R7 @R4 @R5 @procedure-A
Feature: Pay an order in Attesa pagamento with a registered card (procedure A, R7)

  The customer logs in with the Aruba username, opens the service with Gestisci, clicks Paga on
  the order in Attesa pagamento, picks a registered card from the dropdown, confirms the
  Riepilogo ordine and authorizes the payment (guide A1-A7).

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    And the services:
      | id        | owner  | product | renewal price | auto-renewal |
      | pec-mario | mrossi | pec     | 24.90         | no           |
    And the orders:
      | id    | service   | kind    | amount | state            |
      | ord-1 | pec-mario | renewal | 24.90  | Attesa pagamento |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  @smoke @R3 @R9 @R10
  Scenario: R7 a registered card pays the order and switches auto-renewal on
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And order "ord-1" is in state "Pagato"
    And service "pec-mario" renews automatically
    And service "pec-mario" renews with the card ending in "4242"
    And the bank charged 1 time
    And customer "mrossi" has 1 registered card
    And the customer was not asked for the cap
    And the run visited the steps:
      | gestisci              |
      | paga                  |
      | prosegui-carta        |
      | riepilogo-ordine      |
      | autorizza-pagamento   |
      | conferma              |
    And the customer received 2 emails
    And the email "conferma-pagamento" was sent to "mario.rossi@example.it"
    And the email "conferma-pagamento" contains "€ 30,38"
    And the email "conferma-pagamento" matches its snapshot
    And the email "attivazione-rinnovo" matches its snapshot

  @D8
  Scenario: D8 a registered card that asks for strong authentication pays after the right OTP
    Given the registered cards:
      | id     | owner  | brand      | last4 | expiry | test number         |
      | sca-1  | mrossi | Visa       | 3184  | 11/29  | 4000 0027 6000 3184 |
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "sca-1"
    And the customer enters OTP "123456"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the run visited step "codice-otp"
    And order "ord-1" is in state "Pagato"
    And service "pec-mario" renews with the card ending in "3184"
    And the bank charged 1 time

  Scenario: R7 the choices can be given as a table of decisions
    When the customer runs the flow "paga-carta-registrata" choosing:
      | accesso  | mrossi    |
      | servizio | pec-mario |
      | ordine   | ord-1     |
      | carta    | visa-1    |
    Then the outcome is "paid"
    And order "ord-1" is in state "Pagato"
