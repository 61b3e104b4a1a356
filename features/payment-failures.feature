@D5
Feature: A failed payment changes nothing and says why (D5)

  A declined card, insufficient funds, an expired card, a failed strong authentication, an
  abandoned bank page or a bank timeout leave the order in Attesa pagamento and payable again:
  no auto-renewal change, no card registered, no email. The outcome names the failure.

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

  @R8
  Scenario Outline: D5 a new card <number> ends as <outcome> and changes nothing
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card <number> expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "<outcome>"
    And order "ord-1" is in state "Attesa pagamento"
    And service "pec-mario" does not renew automatically
    And customer "mrossi" has 0 registered cards
    And the bank charged 0 times
    And the customer received 0 emails

    Examples:
      | number              | outcome            |
      | 4000 0000 0000 0002 | declined           |
      | 4000 0000 0000 9995 | insufficient_funds |
      | 4000 0000 0000 0069 | expired_card       |

  @R7
  Scenario Outline: D5 a registered card <last4> ends as <outcome> and changes nothing
    Given the registered cards:
      | id     | owner  | brand | last4   | expiry | test number |
      | card-x | mrossi | Visa  | <last4> | 12/30  | <number>    |
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with card "card-x"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "<outcome>"
    And order "ord-1" is in state "Attesa pagamento"
    And service "pec-mario" does not renew automatically
    And customer "mrossi" has 1 registered card
    And the bank charged 0 times
    And the customer received 0 emails

    Examples:
      | number              | last4 | outcome            |
      | 4000 0000 0000 0002 | 0002  | declined           |
      | 4000 0000 0000 9995 | 9995  | insufficient_funds |
      | 4000 0000 0000 0069 | 0069  | expired_card       |
      | 4000 0000 0000 0119 | 0119  | bank_timeout       |

  @R8 @D8
  Scenario: D5 three wrong OTPs fail the strong authentication
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4000 0027 6000 3184 expiring 12/30
    And the customer enters OTP "111111"
    And the customer enters OTP "222222"
    And the customer enters OTP "333333"
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "sca_failed"
    And the run visited step "codice-otp" 3 times
    And order "ord-1" is in state "Attesa pagamento"
    And customer "mrossi" has 0 registered cards
    And the bank charged 0 times
    And the customer received 0 emails

  @R8 @D8
  Scenario: D5 a wrong OTP followed by the right one pays
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4000 0027 6000 3184 expiring 12/30
    And the customer enters OTP "111111"
    And the customer enters OTP "123456"
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    And the run visited step "codice-otp" 2 times
    And the bank charged 1 time

  @smoke @R8
  Scenario: D5 abandoning the bank page leaves the order payable
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer abandons the bank page
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "abandoned"
    And the run visited step "abbandono"
    And order "ord-1" is in state "Attesa pagamento"
    And customer "mrossi" has 0 registered cards
    And the bank charged 0 times
    And the customer received 0 emails

  @R8
  Scenario: D5 a bank timeout is settled by the status query: nothing was charged
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4000 0000 0000 0119 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "bank_timeout"
    And the run visited step "verifica-stato"
    And order "ord-1" is in state "Attesa pagamento"
    And customer "mrossi" has 0 registered cards
    And the bank charged 0 times
    And the customer received 0 emails

  Scenario: D5 after a failure the same order can be paid again
    When the customer logs in as "mrossi"
    And the customer pays order "ord-1"
    And the customer pays with a new card 4000 0000 0000 0002 expiring 12/30
    And the customer runs the flow "paga-nuova-carta"
    Then the outcome is "declined"
    When the customer pays with a new card 4242 4242 4242 4242 expiring 12/30
    And the customer runs the flow "paga-nuova-carta" again
    Then the outcome is "paid"
    And order "ord-1" is in state "Pagato"
    And the bank charged 1 time
