@D7
Feature: Paying is idempotent: nothing is ever charged twice (D7)

  A double Paga, a second tab, a refreshed return page or a repeated bank notification never
  charges twice and never sends a second email.

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

  @smoke @R1
  Scenario: D7 paying the same order again is refused and charges nothing more
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    When the customer pays the same order again
    Then the outcome is "not_payable"
    And order "ord-1" is in state "Pagato"
    And the bank charged 1 time
    And the customer received 2 emails

  @procedure-B
  Scenario: D7 a replayed bank notification settles nothing twice
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4242 4242 4242 4242 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    When the bank notification of the last payment is replayed
    Then the replayed notification charged nothing
    And order "ord-1" is in state "Pagato"
    And the bank charged 1 time
    And customer "mrossi" has 2 registered cards
    And the customer received 2 emails

  Scenario: D7 a replayed notification of a registered-card payment charges nothing either
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    And the bank notification of the last payment is replayed
    Then the replayed notification charged nothing
    And the bank charged 1 time
    And the customer received 2 emails
