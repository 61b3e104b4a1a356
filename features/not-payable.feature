@R1 @D7
Feature: Only an order in Attesa pagamento can be paid (R1, D7)

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    And the services:
      | id        | owner  | product | renewal price | auto-renewal |
      | pec-mario | mrossi | pec     | 24.90         | no           |
    And the orders:
      | id      | service   | kind     | amount | state            |
      | ord-old | pec-mario | purchase | 24.90  | Pagato           |
      | ord-ann | pec-mario | renewal  | 24.90  | Annullato        |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  Scenario Outline: R1 D7 an order in state <state> is refused as not payable (<flow>)
    When the customer logs in as "mrossi"
    And the customer pays order "<order>"
    And the customer pays with card "visa-1"
    And the customer runs the flow "<flow>"
    Then the outcome is "not_payable"
    And the run did not visit step "carta-di-credito"
    And order "<order>" is in state "<state>"
    And service "pec-mario" does not renew automatically
    And the bank charged 0 times
    And the customer received 0 emails

    Examples:
      | order   | state     | flow                  |
      | ord-old | Pagato    | paga-carta-registrata |
      | ord-ann | Annullato | paga-carta-registrata |
      | ord-old | Pagato    | paga-nuova-carta      |
      | ord-ann | Annullato | paga-nuova-carta      |

  Scenario: R1 an order that does not exist is not found
    When the customer logs in as "mrossi"
    And the customer runs the flow "paga-carta-registrata" choosing:
      | servizio | pec-mario |
      | ordine   | ord-nope  |
      | carta    | visa-1    |
    Then the outcome is "not_found"
