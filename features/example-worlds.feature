@worlds
Feature: The example worlds of flows/worlds/ run as documented

  A world file gives customers, services, orders, cards and default answers; a scenario may
  start from it and override any answer.

  @smoke @R7 @R6 @D3
  Scenario: R7 D3 the example world pays Mario's PEC renewal with his Visa, after the cap
    Given the world "esempio"
    When the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the cap asked was "36.48"
    And order "ordine-pec-mario" is in state "Pagato"
    And service "pec-mario" renews with the card ending in "4242"
    And the customer received 2 emails
    And the email "conferma-pagamento" was sent to "mario.rossi@example.it"
    And nothing of customer "laura.bianchi" has changed

  @R2 @D8
  Scenario: R2 D8 Laura logs in with her PEC address and pays with her own card after an OTP
    Given the world "esempio"
    When the customer logs in as "laura.bianchi@pec.it"
    And the customer pays order "ordine-pec-laura"
    And the customer pays with card "visa-3184"
    And the customer runs the flow "paga-carta-registrata"
    Then the outcome is "paid"
    And the run visited step "rinnovo-pec"
    And the run visited step "codice-otp"
    And the customer was not asked for the cap
    And nothing of customer "mario.rossi" has changed

  @R8 @D6
  Scenario: R8 D6 the new-card world registers Giulia's first card
    Given the world "nuova-carta"
    When the customer runs the flow "paga-nuova-carta"
    Then the outcome is "paid"
    And customer "giulia.verdi" has 1 registered card
    And service "pec-giulia" renews with the card ending in "3184"
    And no email shows a full card number
