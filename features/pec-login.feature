@R2 @D11
Feature: Logging in with a PEC address opens that PEC's renewal section (R2)

  With the Aruba username the customer sees the main page and picks Gestisci; with a PEC
  address and its password the customer lands directly on that PEC's renewal section and sees
  only that PEC.

  Background:
    Given the customers:
      | username | email                  | pec logins                 |
      | mrossi   | mario.rossi@example.it | mario@pec.it, studio@pec.it |
    And the services:
      | id         | owner  | product | renewal price | auto-renewal |
      | pec-mario  | mrossi | pec     | 24.90         | no           |
      | pec-studio | mrossi | pec     | 24.90         | no           |
      | spid-mario | mrossi | spid    | 19.90         | no           |
    And the orders:
      | id      | service    | kind    | amount | state            |
      | ord-1   | pec-mario  | renewal | 24.90  | Attesa pagamento |
      | ord-2   | pec-studio | renewal | 24.90  | Attesa pagamento |
      | ord-spi | spid-mario | renewal | 19.90  | Attesa pagamento |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  @smoke
  Scenario: R2 a PEC address login lands on that PEC's renewal, without Gestisci
    When the customer logs in as "mario@pec.it"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the run visited step "rinnovo-pec"
    And the run did not visit step "pagina-principale"
    And the run did not visit step "gestisci"
    And order "ord-1" is in state "Pagato"

  Scenario: R2 the second PEC of the username has its own renewal section
    When the customer logs in as "studio@pec.it"
    And the customer pays order "ord-2"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And order "ord-2" is in state "Pagato"
    And order "ord-1" is in state "Attesa pagamento"

  Scenario: R2 the username login goes through the main page and Gestisci
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the run visited the steps:
      | pagina-principale |
      | scegli-servizio   |
      | gestisci          |
    And the run did not visit step "rinnovo-pec"

  Scenario: R2 D11 after a PEC address login another service of the username stays out of reach
    When the customer logs in as "mario@pec.it"
    And the customer pays order "ord-spi"
    And the customer pays with card "visa-1"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "forbidden"
    And order "ord-spi" is in state "Attesa pagamento"
    And the bank charged 0 times

  Scenario: R2 a login that matches no customer is refused
    When the customer logs in as "nessuno@pec.it"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "unknown_customer"
