@R9 @R10 @D9 @D1
Feature: Payment confirmation and auto-renewal activation emails (R9, R10, D9)

  Every successful payment sends the payment confirmation email. PEC, SPID, Conservazione and
  Fatturazione PA also get the activation email for automatic renewal, but only when this payment
  switched auto-renewal from off to on (D9).

  Background:
    Given the customers:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    And the services:
      | id          | owner  | product                  | renewal price | auto-renewal |
      | pec-mario   | mrossi | pec                      | 24.90         | no           |
      | spid-mario  | mrossi | spid                     | 19.90         | no           |
      | cons-mario  | mrossi | docfly-conservazione     | 100.00        | no           |
      | fatt-mario  | mrossi | fatturazione-elettronica | 50.00         | no           |
      | firma-mario | mrossi | firma-digitale           | 39.00         | no           |
      | marca-mario | mrossi | marca-temporale          | 10.00         | no           |
    And the orders:
      | id      | service     | kind     | amount | state            |
      | ord-pec | pec-mario   | renewal  | 24.90  | Attesa pagamento |
      | ord-spi | spid-mario  | renewal  | 19.90  | Attesa pagamento |
      | ord-con | cons-mario  | purchase | 100.00 | Attesa pagamento |
      | ord-fat | fatt-mario  | renewal  | 50.00  | Attesa pagamento |
      | ord-fir | firma-mario | renewal  | 39.00  | Attesa pagamento |
      | ord-mar | marca-mario | purchase | 10.00  | Attesa pagamento |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  @R10
  Scenario Outline: R9 D9 paying <product> sends <count> email(s), activation email: <activation>
    When the customer logs in as "mrossi"
    And the customer pays order "<order>"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the customer received <count> emails
    And the email "conferma-pagamento" was sent to "mario.rossi@example.it"
    And the activation email was <activation>
    And the email "conferma-pagamento" has subject containing "Conferma pagamento"

    Examples:
      | product                  | order   | count | activation |
      | pec                      | ord-pec | 2     | sent       |
      | spid                     | ord-spi | 2     | sent       |
      | docfly-conservazione     | ord-con | 2     | sent       |
      | fatturazione-elettronica | ord-fat | 2     | sent       |
      | firma-digitale           | ord-fir | 1     | not sent   |
      | marca-temporale          | ord-mar | 1     | not sent   |

  Scenario Outline: R9 the activation email for <product> matches its snapshot
    When the customer logs in as "mrossi"
    And the customer pays order "<order>"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the email "attivazione-rinnovo" was sent to "mario.rossi@example.it"
    And the email "attivazione-rinnovo" matches its snapshot

    Examples:
      | product                  | order   |
      | spid                     | ord-spi |
      | docfly-conservazione     | ord-con |
      | fatturazione-elettronica | ord-fat |

  Scenario: D9 a service already renewing automatically gets no second activation email
    Given the services:
      | id        | owner  | product | renewal price | auto-renewal |
      | pec-extra | mrossi | pec     | 24.90         | yes          |
    And the orders:
      | id      | service   | kind    | amount | state            |
      | ord-ext | pec-extra | renewal | 24.90  | Attesa pagamento |
    When the customer logs in as "mrossi"
    And the customer pays order "ord-ext"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the customer was not asked for the cap
    And service "pec-extra" renews automatically
    And the customer received 1 email
    And no email "attivazione-rinnovo" was sent
