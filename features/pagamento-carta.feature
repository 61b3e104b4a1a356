# language: it
@R7 @R8 @R9 @D5 @italiano
Funzionalità: Pagamento con carta di credito successivo all'ordine da area clienti (3.2.2)

  La stessa procedura della guida, scritta con le parole della guida: procedura A con una carta
  registrata, procedura B con una nuova carta sulla pagina di Banca Sella.

  Contesto:
    Dato i clienti:
      | username | email                  | pec logins   |
      | mrossi   | mario.rossi@example.it | mario@pec.it |
    E i servizi:
      | id        | owner  | product | renewal price | auto-renewal |
      | pec-mario | mrossi | pec     | 24.90         | no           |
    E gli ordini:
      | id    | service   | kind    | amount | state            |
      | ord-1 | pec-mario | renewal | 24.90  | Attesa pagamento |
    E le carte registrate:
      | id     | owner  | brand | last4 | expiry | test number         |
      | visa-1 | mrossi | Visa  | 4242  | 12/30  | 4242 4242 4242 4242 |

  @smoke
  Scenario: R7 R9 paga con la carta registrata e riceve le due email
    Quando il cliente accede come "mrossi"
    E il cliente paga l'ordine "ord-1"
    E il cliente sceglie la carta "visa-1"
    E il cliente esegue il flusso "paga-carta-registrata"
    Allora l'esito è "paid"
    E l'ordine "ord-1" è in stato "Pagato"
    E il servizio "pec-mario" si rinnova automaticamente
    E il cliente ha ricevuto 2 email
    E l'email "conferma-pagamento" è stata inviata a "mario.rossi@example.it"

  Scenario: R8 D6 paga con una Nuova carta, che viene registrata
    Quando il cliente accede con l'indirizzo PEC "mario@pec.it"
    E il cliente paga l'ordine "ord-1"
    E il cliente paga con una nuova carta 4000 0027 6000 3184 con scadenza 11/29
    E il cliente inserisce il codice OTP "123456"
    E il cliente esegue il flusso "paga-nuova-carta"
    Allora l'esito è "paid"
    E il cliente "mrossi" ha 2 carte registrate
    E il servizio "pec-mario" si rinnova con la carta che termina con "3184"
    E la banca ha addebitato 1 volta

  Scenario: D5 abbandona la pagina di Banca Sella e l'ordine resta in Attesa pagamento
    Quando il cliente accede come "mrossi"
    E il cliente paga l'ordine "ord-1"
    E il cliente abbandona la pagina della banca
    E il cliente esegue il flusso "paga-nuova-carta"
    Allora l'esito è "abandoned"
    E l'ordine "ord-1" è in stato "Attesa pagamento"
    E il servizio "pec-mario" non si rinnova automaticamente
    E la banca ha addebitato 0 volte
    E il cliente ha ricevuto 0 email

  Scenario: D4 rifiuta il massimale: nessun addebito
    Dato i servizi:
      | id         | owner  | product | renewal price | auto-renewal |
      | spid-mario | mrossi | spid    | 19.90         | yes          |
    Quando il cliente accede come "mrossi"
    E il cliente paga l'ordine "ord-1"
    E il cliente sceglie la carta "visa-1"
    E il cliente rifiuta il massimale
    E il cliente esegue il flusso "paga-carta-registrata"
    Allora l'esito è "cap_refused"
    E il massimale richiesto è "30.38"
    E la banca ha addebitato 0 volte
