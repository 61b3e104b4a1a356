@R3 @D1 @D2
Feature: Firma Digitale and Marca Temporale have no automatic renewal (R3)

  Paying them by card works as for any product, but switches no auto-renewal on, sends no
  activation email and never asks for the cap, even when other services renew automatically.

  Background:
    Given the customers:
      | username | email                  | pec logins |
      | mrossi   | mario.rossi@example.it |            |
    And the services:
      | id          | owner  | product         | renewal price | auto-renewal |
      | firma-mario | mrossi | firma-digitale  | 39.00         | no           |
      | marca-mario | mrossi | marca-temporale | 10.00         | no           |
      | spid-mario  | mrossi | spid            | 19.90         | yes          |
    And the orders:
      | id    | service     | kind     | amount | state            |
      | ord-f | firma-mario | renewal  | 39.00  | Attesa pagamento |
      | ord-m | marca-mario | purchase | 10.00  | Attesa pagamento |
    And the registered cards:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  Scenario Outline: R3 D2 <product> is paid with no auto-renewal, no activation email, no cap (<flow>)
    When the customer logs in as "mrossi"
    And the customer pays order "<order>"
    And the customer pays with <card>
    And the customer runs the flow "<flow>"
    Then the outcome is "paid"
    And order "<order>" is in state "Pagato"
    And service "<service>" does not renew automatically
    And the customer was not asked for the cap
    And the customer received 1 email
    And no email "attivazione-rinnovo" was sent
    And the email "conferma-pagamento" matches its snapshot

    Examples:
      | product         | order | service     | flow                  | card                                              |
      | Firma Digitale  | ord-f | firma-mario | paga-carta-registrata | card "visa-1"                                     |
      | Marca Temporale | ord-m | marca-mario | paga-carta-registrata | card "visa-1"                                     |
      | Firma Digitale  | ord-f | firma-mario | paga-nuova-carta      | a new card 4242 4242 4242 4242 expiring 12/30     |
      | Marca Temporale | ord-m | marca-mario | paga-nuova-carta      | a new card 4242 4242 4242 4242 expiring 12/30     |
