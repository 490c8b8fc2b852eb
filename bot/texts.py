"""Fixed wording the bot uses on every platform. Nothing here includes user text."""

WELCOME = (
    "I help you decide whether you can share safeguarding information, using the national golden rules. "
    "Describe the situation without names, addresses or other details that identify anyone: I remove any "
    "I find before anything is saved. If someone is in immediate danger, call 999 now."
)

HELP = """Ask me about sharing safeguarding information, for example:
  "A 14-year-old told me his stepdad hits him. Can I tell children's social care?"
Commands:
  help      this message
  new       start a new question
  handoff   send this conversation to a safeguarding lead (add "named" to let them see who you are)
  record    the decision record for this conversation
  why       the facts and guidance behind the last answer
  forget    delete this conversation
  privacy   what is stored and for how long"""

PRIVACY = (
    "What I keep: your messages with names, addresses, phone numbers and other identifiers replaced by "
    "placeholders such as [PERSON_1], the advice I gave, and, if you hand off, the case for the leads. "
    "Your original wording is never saved, logged or passed on. Conversations are deleted after the "
    "retention period your organisation sets; signed decision records are kept as your organisation's "
    'record. Type "forget" to delete this conversation now. Leads see who you are only if you choose '
    '"handoff named".'
)

NO_NAMES = "Please leave out names and other details that identify people; I remove those I find."
EMPTY = "Please type your question: describe the situation and who you are thinking of telling."
TOO_LONG = (
    "That message is longer than {limit} characters, so I have not read or stored it. Please send a shorter "
    "summary of the situation."
)
RATE_LIMITED = (
    "You have sent a lot of messages in the last minute, so I have paused for a moment. Please wait a minute "
    "and try again. If someone is in immediate danger, call 999 now."
)
NEW_CONVERSATION = "Starting a new question. What would you like to ask?"
TIMED_OUT = "Your earlier conversation was closed after a long pause; this is a new one."
FORGOTTEN = "I have deleted this conversation and everything stored with it."
FORGOTTEN_CASE = (
    " Case {ref} stays with the safeguarding leads (it holds only the redacted summary), so that nothing a "
    "lead is acting on is lost."
)
NOTHING_TO_FORGET = "There is no open conversation to delete."
HANDOFF_SENT = (
    "Sent to the safeguarding leads as case {ref}{urgent}. A lead will pick it up and reply here; "
    "you {named}."
)
ALREADY_HANDED_OFF = "This conversation is already with the safeguarding leads as case {ref}."
RELAYED = "Added to case {ref} for the safeguarding lead."
NO_ADVICE_YET = "Ask a question first; then I can show the reasons and a decision record."
ALREADY_ANSWERED = "That question has already been answered; ask again if things have changed."
BUSY = "I am still working on your previous message. Please send this one again in a moment."
NO_CASE = "This conversation is no longer with the safeguarding leads. Type handoff to send it to them again."
