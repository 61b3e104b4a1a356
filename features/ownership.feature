@D11
Feature: A customer sees, pays and uses only what belongs to its username (D11)

  Anything of another username is refused as forbidden and changes nothing, neither for the
  customer nor for the owner.

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
      | lbianchi | luca.b@example.it      | luca@pec.it  |
    And the services:
      | id        | owner    | product | renewal price | auto-renewal |
      | pec-mario | mrossi   | pec     | 24.90         | no           |
      | pec-luca  | lbianchi | pec     | 24.90         | no           |
    And the orders:
      | id     | service   | kind    | amount | state            |
      | ord-m1 | pec-mario | renewal | 24.90  | Attesa pagamento |
      | ord-l1 | pec-luca  | renewal | 24.90  | Attesa pagamento |
    And the registered cards:
      | id     | owner    | brand      | last4 | expiry | test number         |
      | visa-m | mrossi   | Visa       | 4242  | 12/30  | 4242 4242 4242 4242 |
      | card-l | lbianchi | Visa       | 3184  | 11/29  | 4000 0027 6000 3184 |

  @smoke
  Scenario: D11 Gestisci on another customer's service is forbidden
    When the customer logs in as "mrossi"
    And the customer pays order "ord-l1"
    And the customer pays with card "visa-m"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "forbidden"
    And the run did not visit step "paga"
    And order "ord-l1" is in state "Attesa pagamento"
    And nothing of customer "lbianchi" has changed
    And the bank charged 0 times

  Scenario: D11 paying another customer's order from one's own service is forbidden
    When the customer logs in as "mrossi"
    And the customer runs the flow "paga-carta-registrata" choosing:
      | servizio | pec-mario |
      | ordine   | ord-l1    |
      | carta    | visa-m    |
    Then the outcome is "forbidden"
    And the run visited step "paga"
    And the run did not visit step "prosegui-carta"
    And nothing of customer "lbianchi" has changed
    And the bank charged 0 times
    And the customer received 0 emails

  Scenario: D11 paying one's own order with another customer's card is forbidden
    When the customer logs in as "mrossi"
    And the customer pays order "ord-m1"
    And the customer pays with card "card-l"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "forbidden"
    And the run visited step "prosegui-carta"
    And order "ord-m1" is in state "Attesa pagamento"
    And service "pec-mario" does not renew automatically
    And nothing of customer "lbianchi" has changed
    And the bank charged 0 times

  Scenario: D11 another customer's PEC address does not open its renewal for someone else
    When the customer logs in as "luca@pec.it"
    And the customer pays order "ord-m1"
    And the customer pays with card "visa-m"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "forbidden"
    And nothing of customer "mrossi" has changed
