@R6 @D2 @D3 @D4
Feature: The maximum withdrawable amount (importo massimo prelevabile, R6)

  When this payment switches auto-renewal on and the username already has another service with
  auto-renewal active, the customer must authorize a cap before paying (D2). The cap is the
  highest renewal price, VAT included, among the auto-renewing services plus the one being paid
  (D3). Refusing it ends the procedure with nothing charged (D4).

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    And the services:
      | id           | owner  | product                  | renewal price | auto-renewal |
      | pec-mario    | mrossi | pec                      | 24.90         | no           |
      | spid-mario   | mrossi | spid                     | 19.90         | yes          |
      | fatt-mario   | mrossi | fatturazione-elettronica | 50.00         | yes          |
      | pec-archivio | mrossi | pec                      | 80.00         | no           |
      | cons-mario   | mrossi | docfly-conservazione     | 100.00        | no           |
      | firma-mario  | mrossi | firma-digitale           | 39.00         | no           |
    And the orders:
      | id     | service     | kind     | amount | state            |
      | ord-1  | pec-mario   | renewal  | 24.90  | Attesa pagamento |
      | ord-2  | cons-mario  | purchase | 100.00 | Attesa pagamento |
      | ord-3  | firma-mario | renewal  | 39.00  | Attesa pagamento |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  @smoke
  Scenario: D2 D3 the cap is asked and is the highest auto-renewal price with VAT
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the customer was asked for the cap
    And the cap asked was "61.00"
    And the run visited step "autorizza-e-procedi"
    And service "pec-mario" renews automatically
    And the bank charged 1 time

  Scenario: D3 the service being paid counts when it is the most expensive
    When the customer logs in as "mrossi"
    And the customer pays order "ord-2"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the cap asked was "122.00"
    And service "cons-mario" renews automatically

  @procedure-B
  Scenario: D2 D3 the cap is asked in procedure B too
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4242 4242 4242 4242 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    And the cap asked was "61.00"
    And the run visited step "scegli-nuova-carta"
    And customer "mrossi" has 2 registered cards

  Scenario: D4 refusing the cap ends the procedure and charges nothing
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer refuses the cap
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "cap_refused"
    And the cap asked was "61.00"
    And order "ord-1" is in state "Attesa pagamento"
    And service "pec-mario" does not renew automatically
    And the bank charged 0 times
    And the customer received 0 emails

  @R3
  Scenario: D2 no cap for Firma Digitale, whose payment switches nothing on
    When the customer logs in as "mrossi"
    And the customer pays order "ord-3"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the customer was not asked for the cap
    And service "firma-mario" does not renew automatically

  Scenario: D2 no cap when no other service renews automatically
    Given the customers:
      | username | email                | pec logins |
      | lbianchi | luca.b@example.it    |            |
    And the services:
      | id          | owner    | product | renewal price | auto-renewal |
      | pec-luca    | lbianchi | pec     | 24.90         | no           |
      | pec-luca-2  | lbianchi | pec     | 24.90         | no           |
    And the orders:
      | id     | service  | kind    | amount | state            |
      | ord-l1 | pec-luca | renewal | 24.90  | Attesa pagamento |
    And the registered cards:
      | id     | owner    | brand | last4 | expiry | test number         |
      | visa-l | lbianchi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |
    When the customer logs in as "lbianchi"
    And the customer pays order "ord-l1"
    And the customer pays with card "visa-l"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the customer was not asked for the cap
    And service "pec-luca" renews automatically
