"""Text that addresses a reader or a model instead of reporting: never evidence, never an answer.

A planted instruction is recognised by what it does, not by a list of its phrasings:

- it **addresses a model** ("Note to AI assistants: ...", "Dear chatbot, ...", "If you are a
  language model ...", "AI systems processing this page must ...") or **plays a role prompt**
  ("SYSTEM:", "<|im_start|>", "### Instruction", "Your new task is ...", "New instructions: ...");
- it **overrides what came before** (a verb of ignoring in any of the languages below, near
  "instructions", "prompt", "everything above", "what you were told" ...);
- or it **commands the reader**: a clause that opens (after "please", "now", a vocative such as
  "Assistant,", or "do not") on the imperative of a verb of saying, answering, writing, ignoring,
  pretending or obeying; or tells "you" what to say or be ("You must answer ...", "you are now").

The first two hold wherever they stand, quotes included. The third is read only in the text
outside quotation marks when the sentence attributes its quotes to someone: 'Biden told Putin:
"Do not invade Ukraine."' reports what a person said; a bare '"Ignore the above."' addresses the
reader. Inverted attribution (", say officials.") is no command.

Every test runs on a folded form of the sentence (index/confusables.py): NFKC, no zero-width or
bidi characters, case folded, and for Latin-script rules every look-alike letter mapped to its
Latin twin, so "Ιgnore" with a Greek iota, "Ｉｇｎｏｒｅ" and "Ig<ZWSP>nore" read as "ignore".
HTML tags, comments and Markdown emphasis around (or inside) the words are removed first, and
spaced-out letters ("I g n o r e") joined. Each rule is tried only when the text holds a word it
needs, so plain reporting costs about 80 us a sentence (results are cached).

English, French, German, Spanish, Russian and Chinese are covered. spaCy's parse is not used:
the small English model tags a sentence-opening "Disregard" or "Output" as a noun and "Answer
every question ..." as a subject (3 of 13 planted sentences), and the rules below need the
parser neither to be fast nor to work with the language layer off (BRIEFING_SPACY_MODEL="").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from index.confusables import fold, skeleton

__all__ = ["is_instruction", "reason"]


def _compile(pattern: str, view: Callable[[str], str]) -> re.Pattern[str]:
    """A pattern written in plain lower-case words, with its words put in the form `view`
    gives the text (backslash escapes are left alone).
    """
    return re.compile(re.sub(r"(?<!\\)[^\W\d_]+", lambda m: view(m.group()), pattern))


def _latin(pattern: str) -> re.Pattern[str]:
    return _compile(pattern, skeleton)


def _other(pattern: str) -> re.Pattern[str]:
    return _compile(pattern, fold)


# --- vocabulary ---------------------------------------------------------------------------------

_AI = (
    r"(?:a\.?i\.?|artificial intelligence|gen ?ai|llms?|large language models?|language models?|"
    r"chat ?bots?|chat ?gpt|gpt-?\d\w*|claude|gemini|copilot|bard|bots?|"
    r"(?:ai|a\.i\.|virtual|digital|automated|research|chat) ?(?:assistants?|systems?|models?|"
    r"agents?|tools?|readers?|summari[sz]ers?|crawlers?|scrapers?)|"
    r"(?:automated |ai )?summari[sz](?:ers?|ation (?:tools?|systems?|models?))|"
    r"(?:assistants?|models?)(?=\s*[,:!]))"
)
_AI_FR = (
    r"(?:ia|i\.a\.|intelligences? artificielles?|assistants?(?: (?:ia|d'ia|virtuels?))?|"
    r"modeles? de langage|chatbots?|robots? conversationnels?)"
)
_AI_DE = r"(?:ki|ki-\w+|künstliche intelligenz|sprachmodell\w*|assistent\w*|chatbots?)"
_AI_ES = (
    r"(?:ia|i\.a\.|inteligencias? artificial(?:es)?|asistentes?(?: de ia| virtual(?:es)?)?|"
    r"modelos? de lenguaje|chatbots?)"
)
_AI_RU = r"(?:ии|ai|ии-\w+|ассистент\w*|чат-?бот\w*|языков\w* модел\w*|нейросет\w*|искусственн\w* интеллект\w*|бот\w*)"
_AI_ZH = r"(?:人工智能|ai|助手|语言模型|大模型|聊天机器人|机器人|智能体)"

_READING = (
    r"(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|indexing|ingesting|crawling|"
    r"scraping|answering|using|quoting|retrieving|seeing) (?:this|these|the following|the present|"
    r"any question)"
)
_NOTE = r"(?:note|notes|message|memo|notice|instructions?|directives?|reminder|attention|warning|hint|p\.?s\.?|important|request|orders?|guidance)"

# Objects of an override: the instructions, the prompt, or what came before in the text.
_CONTEXT = (
    r"(?:(?:\w+ ){0,3}(?:instructions?|prompts?|guidelines?|directives?|programming|guardrails|"
    r"system messages?)|"
    r"(?:previous|prior|earlier|preceding|above|original|initial|existing|former|old|other) "
    r"(?:\w+ )?(?:messages?|text|content|context|conversation|rules|guidance|directions|orders|"
    r"commands|input|answers?|tasks?|sources?)|"
    r"(?:everything|anything|all)(?: (?:else|of))?(?: (?:that|you|which|written|said|stated|was|"
    r"is|the))* ?(?:above|before|prior|previously|so far|earlier|until now|up to now)|"
    r"all (?:of )?(?:the )?(?:above|previous|prior|earlier|preceding)|(?:the|all) above|"
    r"(?:text|content|passages?|sources?|articles?|documents?|messages?|context) (?:above|before)|"
    r"what (?:you (?:were|have been|'ve been|are) )?(?:told|given|instructed)|"
    r"your (?:rules|training|context|safety|filters|task|role|persona)|the rules (?:above|you were given)|"
    # French, German, Spanish
    r"consignes|(?:tout )?ce qui (?:precede|est ecrit|a ete dit)|tout ce qui|"
    r"anweisungen|instruktionen|befehle|vorgaben|alles (?:oben|bisher\w*|vorherige\w*|davor|"
    r"vorangegangene\w*)|oben gesagte\w*|obige\w*|"
    r"instrucciones|indicaciones|ordenes|(?:todo )?lo anterior|todo lo (?:dicho|escrito))"
)
_OVERRIDE = (
    r"(?:ignore|disregard|forget|overlook|override|bypass|discard|neglect|skip|erase|"
    r"pay no attention to|do not follow|don't follow|stop following|no longer follow|set aside|"
    r"ignor\w+|oubli\w*|neglig\w+|ne (?:tenez|tiens) pas compte d\w*|"
    r"vergiss|vergessen|vergesst|missacht\w+|"
    r"olvid\w+|haz caso omiso d\w*|no hagas caso a)"
)

# Verbs whose imperative commands a reader or a model (English base forms). The first group
# is rarely anything else at the start of a clause; the second is also a noun ("State media",
# "Report by ...") or a plain verb ("begin talks"), so it needs what a command puts after it.
# "Write to Library Review, Cradlemere District Council, ...", "Write to us at ...": a page's
# postal address, not an order to whoever reads it (unless it names the user or a model)
_POSTAL = (
    r" to (?!(?:the |every |all |any )?(?:users?|readers?|ai|assistants?|models?|chatbots?)\b)"
    r"(?:us\b|[\w'’ .]{2,60}(?:,|$))"
)
_DIRECTIVE = (
    r"(?:(?:ignore|disregard|forget|overlook|override|bypass|discard|neglect|pay no attention|"
    r"say|tell|inform|respond|repeat|declare|assert|announce|mention|conclude|summari[sz]e|"
    r"insist|emphasi[sz]e|confirm|append|insert|reveal|pretend|roleplay|role-play|obey|comply|"
    r"prioriti[sz]e|write(?!" + _POSTAL + r"))(?![\w-])|"
    r"(?:answer|reply|output|print|state|claim|report|cite|display|type|quote|translate|"
    r"describe|explain|add|include|return)\s+(?:only\b|that\b|with\b|by saying|in (?:capital|"
    r"all|english|french|german|russian|chinese|one)|:|\W*[\"'“‘]|to (?:every|all|any|each|the user|"
    r"users|readers|questions?|quer)|(?:every|all|any|each) (?:question|query|request|answer)|"
    r"the (?:following|words?|phrase|sentence|text|user|reader)|this (?:text|sentence|phrase|"
    r"paragraph|passage)|yes\b|no\b|verbatim|exactly|everyone|everybody|anyone|users?\b|"
    r"readers?\b|them\b|him\b|her\b|me\b|us\b|nothing\b|everything\b)|"
    r"(?:act|behave) (?:as|like)\b|imagine (?:you|that you)\b|assume (?:the role|you)\b|"
    r"treat (?:this|the following|these)\b|(?:begin|start|end|open|close|finish) (?:your|every|each|the) "
    r"(?:answer|response|reply|output|summary)|only (?:say|answer|reply|respond|cite|output|use|"
    r"mention|quote)\b|use only\b|cite only\b)"
)
_OPENER = (
    r"(?:(?:please|kindly|now|just|simply|also|then|instead|always|only|immediately|first|"
    r"finally|from now on|henceforth|hereafter|going forward|hey|ok|okay|remember to)\W+|"
    rf"(?:dear |hey |hi |hello |attention |to )?(?:the |all |any )?{_AI}\W+)*"
    r"(?:do not |don't |dont |never |must |you must |you should |you will )?"
)
# Imperatives of the other Latin-script languages: forms that only an imperative has.
_DIRECTIVE_FR = (
    r"(?:ignorez|oubliez|negligez|dites|repondez|reponds|ecrivez|ecris|affirmez|declarez|"
    r"annoncez|repetez|affichez|indiquez|faites (?:comme si|semblant)|agissez|comportez-vous|"
    r"pretendez|ne tenez pas compte)"
)
_DIRECTIVE_DE = (
    r"(?:ignoriere|ignorieren sie|vergiss|vergessen sie|vergesst|missachte|sag|sage|sagen sie|"
    r"antworte|antworten sie|antwortet|schreib|schreibe|schreiben sie|behaupte|behaupten sie|"
    r"erklare|erklaren sie|wiederhole|wiederholen sie|gib|geben sie|tu so|tue so|tun sie so|"
    r"gib aus|verhalte dich|beachte nicht)"
)
_DIRECTIVE_ES = (
    r"(?:ignoren|olviden|olvide|di que|diga(?:n)? que|dime|digan|respondan|contesten|"
    r"responde que|responda que|contesta que|conteste que|escribe que|escriba(?:n)? que|"
    r"afirma que|finge|finja|actua como|actue como|por favor,? (?:responde|di|escribe|ignora))"
)
_FR_DE_ES = rf"(?:{_DIRECTIVE_FR}|{_DIRECTIVE_DE}|{_DIRECTIVE_ES})"

# --- the rules ----------------------------------------------------------------------------------

_ROLE_TOKENS = _other(
    r"<\|?\s*(?:im_start|im_end|system|user|assistant|endoftext)\s*\|?>|\[/?inst\]|<</?sys>>|"
    r"###\s*(?:system|instruction|instructions|response|assistant|user)\b|"
    r"\b(?:begin|end|start) (?:of )?(?:system|new|hidden|secret) (?:prompt|instructions?|message)"
)


class _Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()  # one of these must occur in the text for the rule to be tried
    model: bool = False  # the rule names a model: tried only when the text has a word for one


def _needs(*words: str) -> tuple[str, ...]:
    return tuple(skeleton(w) for w in words)


# Words for a model, in the Latin view: whole words, and stems found anywhere.
_MODEL_WORDS = frozenset(
    skeleton(w)
    for w in (
        "ai llm llms chatgpt chatbot chatbots bot bots claude gemini copilot bard assistant "
        "assistants model models system systems agent agents tool tools reader readers crawler "
        "crawlers scraper scrapers ia ki modele modeles modelo modelos robot robots asistente "
        "asistentes"
    ).split()
)
_MODEL_STEMS = _needs(
    "language model",
    "artificial",
    "intelli",
    "intelig",
    "assistent",
    "sprachmodell",
    "kunstliche",
    "summari",
    "a.i.",
    "i.a.",
    "chat bot",
    "gpt",
    "ki-",
)
_TOKEN = re.compile(r"[\w.-]+")


def _names_a_model(text: str) -> bool:
    return any(s in text for s in _MODEL_STEMS) or not _MODEL_WORDS.isdisjoint(
        t.strip(".-") for t in _TOKEN.findall(text)
    )


# Wherever they stand, quotes included (Latin-script view).
_STRONG_LATIN: tuple[_Rule, ...] = (
    _Rule(
        "role prompt",
        _latin(
            r"^\W*(?:system|assistant|user|developer|ai assistant|chatbot)\s*"
            r"(?:prompt|message|note|override|instructions?)?\s*:"
        ),
    ),
    _Rule(
        "role prompt",
        _latin(
            r"\b(?:system prompt|system override|developer mode|jailbreak|dan mode|"
            r"do anything now|prompt injection test)\b"
        ),
        _needs("system", "developer", "jailbreak", "dan mode", "anything now", "prompt"),
    ),
    _Rule(
        "override",
        _latin(rf"\b{_OVERRIDE}\W+(?:\w+\W+){{0,4}}?{_CONTEXT}\b"),
        _needs(
            *"ignor disregard forget overlook override bypass discard neglect skip erase "
            "attention follow aside oubli neglig compte vergi vergess missacht olvid caso".split()
        ),
    ),
    _Rule(
        "override",
        _latin(
            r"\b(?:previous|prior|above|earlier|old|original|all|any|your|these|those) "
            r"(?:instructions|directives|guidelines|rules|prompts?) "
            r"(?:are|were|have been|is|no longer|do not|don't) ?(?:now )?(?:void|cancell?ed|revoked|"
            r"obsolete|null|invalid|replaced|superseded|overridden|apply|matter|valid)"
        ),
        _needs("instructions", "directives", "guidelines", "rules", "prompt"),
    ),
    _Rule(
        "override",
        _latin(
            r"\b(?:these|the following|this|my|our) (?:new )?(?:instructions?|text|message|note|"
            r"directives?|rules?) (?:override|overrides|supersede|supersedes|replace|replaces|"
            r"takes? precedence|cancels?|trumps?)\b"
        ),
        _needs("override", "supersede", "replace", "precedence", "cancel", "trump"),
    ),
    _Rule(
        "addresses a model",
        _latin(rf"\b{_NOTE} (?:to|for) (?:all |any |every |the |an? |you, )?{_AI}\b"),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"(?:^|\W)(?:dear|hey|hi|hello|attention|calling|listen|greetings),? "
            rf"(?:all |any |the |you )?{_AI}\b"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(rf"\bif you(?: are|'re| happen to be) (?:an?|the|any|some) (?:\w+ )?{_AI}\b"),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            rf"^(?=.*?\b{_READING})(?s:.*?)\b{_AI} (?:that (?:is|are) |who (?:is|are) )?{_READING}"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:this|the following|these) (?:text|message|note|passage|paragraph|section|"
            r"document|article|instructions?|lines?|words?) (?:is|are) (?:meant |intended |written |"
            rf"addressed |only )?(?:for|to) (?:the |an? |any |all |every )?{_AI}\b"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:tells?|instructs?|orders?|reminds?|asks?) (?:all |any |every |the )?"
            r"(?:ai|a\.i\.|llms?|language models?|chat ?bots?|(?:ai|virtual|digital) assistants?)\b"
        ),
        model=True,
    ),
    _Rule(
        "role prompt",
        _latin(
            r"\byour (?:new|real|true|only|actual|primary|updated|next|current|sole) (?:task|job|"
            r"role|goal|instructions?|purpose|mission|objective|persona|directive|prompt|orders?) "
            r"(?:is|are|will be|:)"
        ),
        _needs("your"),
    ),
    _Rule(
        "role prompt",
        _latin(
            r"^\W*(?:new|updated|revised|additional|important|real|secret|hidden|override|priority|"
            r"urgent|special|the following) (?:instructions?|directives?|prompt|rules|task|orders)"
            r"(?:\s*[:\-]|\s+(?:for|to) (?:you|the (?:ai|model|assistant))|\s*$|"
            r"\s+(?!(?:were|was|are|is|have|has|had|will|would|could|may|might|from|on|in|issued|"
            r"came|require|requiring|say|said|for|to|and|by|at|of)\b)\w)"
        ),
    ),
    # French, German, Spanish: notes to models, role changes
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:note|message|remarque|avis|consignes?|instructions?|attention)\s?(?:aux?|"
            rf"pour(?: les?| l')?|a l'|a la|a tous? les|a toutes les)\s?{_AI_FR}\b|"
            rf"\bsi vous etes (?:une?|l') ?{_AI_FR}\b"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:vous etes|tu es) (?:maintenant|desormais|a present)\b|"
            r"\bnouvelles? (?:instructions|consignes)\s*:"
        ),
        _needs("vous etes", "tu es", "nouvelle"),
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:hinweis|nachricht|notiz|anweisung(?:en)?|achtung|mitteilung|wichtig)\s?(?:an|fur)"
            rf"\s?(?:alle |jede[nrs]? |die |den |das )?{_AI_DE}\b|\bwenn du (?:eine?|ein) {_AI_DE}\b"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:du bist|sie sind) (?:jetzt|ab sofort|nun|von nun an)\b|"
            r"\bneue anweisungen\s*:"
        ),
        _needs("du bist", "sie sind", "neue"),
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:nota|mensaje|aviso|instrucciones|atencion|importante)\s?(?:para|a)\s?"
            rf"(?:todos |todas |cualquier |el |la |los |las )?{_AI_ES}\b|"
            rf"\bsi eres (?:una?|el|la) {_AI_ES}\b"
        ),
        model=True,
    ),
    _Rule(
        "addresses a model",
        _latin(
            r"\b(?:ahora eres|ahora usted es|a partir de ahora,? eres)\b|"
            r"\bnuevas instrucciones\s*:"
        ),
        _needs("ahora", "nuevas"),
    ),
)

# Wherever they stand, in the scripts the Latin view cannot read (Cyrillic, Chinese).
_STRONG_OTHER: tuple[_Rule, ...] = (
    _Rule(
        "override",
        _other(
            r"(?:игнорир\w*|проигнорир\w*|забуд\w*|забыть|не обращай\w* внимани\w*|не учитыва\w*|"
            r"отбрось\w*|отмени\w*)\W+(?:\w+\W+){0,4}?(?:инструкци\w*|указани\w*|команд\w*|правил\w*|"
            r"все|выше\w*|предыдущ\w*|ранее|вышесказанн\w*)"
        ),
    ),
    _Rule(
        "addresses a model",
        _other(
            rf"(?:примечание|сообщение|заметка|обращение|указание|инструкци\w+|внимание|напоминание|просьба)\W+(?:для|к|ко)\W+(?:всех\W+|любых\W+)?{_AI_RU}"
        ),
    ),
    _Rule(
        "addresses a model",
        _other(
            rf"(?:ты|вы) теперь\b|теперь (?:ты|вы)\b|\bесли (?:ты|вы) {_AI_RU}|нов\w* инструкци\w*\s*:"
        ),
    ),
    _Rule(
        "override",
        _other(
            r"(?:忽略|无视|忽视|不要理会|不要理睬|别管|忘记|忘掉|不要遵循|不要遵守|不再遵守|停止遵守)"
            r".{0,12}?(?:指令|指示|提示词?|说明|规则|要求|内容|上文|以上|之前|前面|先前)"
        ),
    ),
    _Rule(
        "addresses a model",
        _other(
            rf"(?:致|给|对|面向|提醒)(?:所有|全体|各位|任何)?的?{_AI_ZH}|(?:你|您)(?:现在|从现在起|从现在开始|今后)(?:是|扮演|作为|就是)|新的?(?:指令|指示)[:：]"
        ),
    ),
)

# At the start of a clause, outside attributed quotes.
_COMMAND_LATIN: tuple[_Rule, ...] = (
    _Rule("commands the reader", _latin(rf"^\W*{_OPENER}{_DIRECTIVE}(?!\s*:)")),
    # (not a page's postal address: "Write to Library Review, Cradlemere District Council, ...",
    # "Write to us at ...")
    _Rule(
        "commands the reader",
        _latin(rf"^\W*{_OPENER}(?:say|output|print|write(?!{_POSTAL})|repeat|type)\b"),
    ),
    _Rule(
        "commands the reader",
        _latin(rf"^\W*(?:por favor,? |s'il vous plait,? |bitte,? )?{_FR_DE_ES}\b"),
    ),
    _Rule(
        "tells you what to do",
        _latin(
            rf"\byou(?:'ll| will| must| should| shall| need to| have to| are to| are required to| "
            rf"are instructed to| are asked to| may only| can only| now| only| always| will now| "
            rf"must now| should now| must always)+ (?:never |not |only |always )?{_DIRECTIVE}"
        ),
        _needs("you"),
    ),
    _Rule(
        "tells you what to do",
        _latin(rf"\b(?:wants?|needs?|asks?|instructs?|orders?|requires?|told) you to {_DIRECTIVE}"),
        _needs("you"),
    ),
    _Rule(
        "tells you what to do",
        _latin(
            r"\byou are (?:now|no longer)\b|\bfrom now on,? you\b|"
            r"\byou are an? (?:\w+ )?(?:ai|assistant|language model|chatbot)\b"
        ),
        _needs("you"),
    ),
    _Rule(
        "tells you what to do",
        _latin(
            r"\b(?:your|the) (?:answer|response|reply|output|summary) (?:must|should|shall|will|"
            r"has to) (?:be|say|state|include|begin|start|contain|mention|read|end)\b"
        ),
        _needs("answer", "response", "reply", "output", "summary"),
    ),
    _Rule(
        "tells you what to do",
        _latin(
            r"\b(?:all|every|any|each) (?:\w+ ){0,6}?(?:questions?|quer(?:y|ies)|requests?|prompts?)"
            r" (?:\w+ ){0,6}?(?:must|should|shall|are to|will|is to) be (?:answered|met|replied to)"
            r" (?:with|by saying|as|using)\b"
        ),
        _needs("answered", "met", "replied"),
    ),
    _Rule(
        "tells you what to do",
        _latin(
            r"\bthe (?:only )?(?:correct|right|true|proper) (?:answer|response|reply) to "
            r"(?:any|every|all|each) (?:question|query|request)"
        ),
        _needs("answer", "response", "reply"),
    ),
)
_COMMAND_OTHER: tuple[_Rule, ...] = (
    _Rule(
        "commands the reader",
        _other(
            r"^\W*(?:пожалуйста,?\s*)?(?:не\s+)?(?:игнорируй\w*|проигнорируй\w*|забудь\w*|скажи\w*|"
            r"ответь\w*|отвечай\w*|напиши\w*|пиши\w*|сообщи\w*|заяви\w*|повтори\w*|выведи\w*|укажи\w*|"
            r"притворись|притворитесь|представь\w* что|веди\w* себя|считай\w*|утверждай\w*|объяви\w*)\b"
        ),
    ),
    _Rule("tells you what to do", _other(r"\b(?:ты|вы) (?:должен|должна|должны|обязан\w*)\b")),
    _Rule(
        "commands the reader",
        _other(
            r"^\W*(?:请|务必|必须|一定要)?(?:你|您)?(?:必须|应该|要|需要|只能)?"
            r"(?:请|务必)(?:回答|回复|说|告诉|输出|声称|重复|宣称|写|表示|报告|忽略|忘记)|"
            r"^\W*(?:你|您)(?:必须|应该|要|需要|只能)(?:回答|回复|说|告诉|输出|声称|重复|宣称|忽略|忘记)|"
            r"^\W*(?:告诉|回答|回复|输出)(?:用户|读者|大家|所有人|他们|提问者)"
        ),
    ),
)

# --- reading a sentence -------------------------------------------------------------------------

_MARKUP = re.compile(
    r"<!--|-->|<\s*/?\s*[a-zA-Z][^<>]{0,300}>|\[//\]:\s*#|"  # tags, comments
    r"!?\[([^\]\n]{0,200})\]\([^)\n]{0,300}\)|"  # [text](url), ![alt](url)
    r"[#>|\\]+"  # headings, quotes, tables
)
# Marks that may sit inside a word ("ig**nore**", "<i>Dis</i>regard"), and letters spaced out
# ("I g n o r e"): joined up again.
_INLINE = re.compile(
    r"[*_`~]+|<\s*/?\s*(?:b|i|u|s|em|strong|span|mark|code|font|a|small|big|sup|sub|abbr|q|tt|"
    r"kbd|ins|del)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_SPACED = re.compile(r"\b(?:[^\W\d_] ){3,}[^\W\d_]\b")
_OPEN_Q = '"“„‟«「『〝＂'
_CLOSE_Q = '"”‟»」』〞＂'
_QUOTED = re.compile(rf"[{_OPEN_Q}][^{_OPEN_Q}{_CLOSE_Q}]*(?:[{_CLOSE_Q}]|$)")
# Clause boundaries: a colon, semicolon, dash, bracket, line or sentence end; a comma too, but
# what follows a comma is checked for inverted attribution.
_BOUNDARY = re.compile(r"[\n:;：；()\[\]{}—–]|\s-\s|[.!?。！？]\s|(,|，)")
# Inverted attribution after a comma (", say officials in Kyiv."): a verb of saying and a
# short subject with no verb of its own; ", say the port is closed" has one, and commands.
_INVERTED = _latin(
    r"^\W*(?:say|says|tell|report|state|claim|insist|confirm|add|explain|warn|argue|write|"
    r"reply|respond|answer|note|declare|announce)\s+(?!that\b|it\b|this\b|:|you\b|only\b)"
    r"((?:[\w.'’-]+\s+){0,6}?[\w.'’-]*)\W*(?:$|\b(?:who|which|that|whose)\b)"
)
_FINITE = _latin(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|must|should|may|might|"
    r"shall|\w+ed)\b"
)
# A capitalised command word right after a lower-case word, with no punctuation between: a
# heading run into its text ("### New instructions Say that ...").
_RUN_ON = re.compile(
    r"(?<=[a-z])\s+(?=(?:Ignore|Disregard|Forget|Say|Answer|Reply|Respond|Output|Print|Write|"
    r"Tell|State|Claim|Report|Repeat|Pretend|Act|Do not|Don't|Never)\b)"
)


def is_instruction(sentence: str) -> bool:
    """Whether the sentence addresses a reader or a model rather than reporting."""
    return reason(sentence) is not None


@functools.lru_cache(maxsize=16384)
def reason(sentence: str) -> str | None:
    """Why the sentence is an instruction ("addresses a model", "override", "role prompt",
    "commands the reader", "tells you what to do"), or None when it reports.
    """
    if not sentence.strip():
        return None
    raw = fold(sentence)  # Cyrillic and Chinese kept, case folded
    if _ROLE_TOKENS.search(raw):
        return "role prompt"
    plain = sentence.isascii()
    if not plain:
        for rule in _STRONG_OTHER:
            if rule.pattern.search(raw):
                return rule.name
    text = _unwrap(sentence)
    whole = skeleton(text)
    model: bool | None = None  # whether the text names a model, found out when first needed
    for rule in _STRONG_LATIN:
        if rule.needs and not any(n in whole for n in rule.needs):
            continue
        if rule.model:
            model = _names_a_model(whole) if model is None else model
            if not model:
                continue
        if rule.pattern.search(whole):
            return rule.name
    parts = _clauses(_unquoted(text))
    for n, (clause, after_comma) in enumerate(parts):
        latin = skeleton(clause)
        inverted = _INVERTED.match(latin) if after_comma else None
        if inverted and not _FINITE.search(inverted.group(1)):  # the subject
            continue  # ", say officials in Kyiv."
        if (
            after_comma
            and any(_ASIDE.match(skeleton(c)) for c, _ in parts[1:n])
            and not _VOCATIVE.match(skeleton(parts[0][0]))
        ):
            continue  # "The Ixtani, who number about 3,100, say ...": the subject's verb
        for rule in _COMMAND_LATIN:
            if (not rule.needs or any(n in latin for n in rule.needs)) and rule.pattern.search(
                latin
            ):
                return rule.name
        if not plain:
            other = fold(clause)
            for rule in _COMMAND_OTHER:
                if rule.pattern.search(other):
                    return rule.name
    return None


def _unwrap(text: str) -> str:
    """The words without HTML or Markdown around them (a link or image keeps its label)."""
    text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), _INLINE.sub("", text))
    text = _MARKUP.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", text)
    return _RUN_ON.sub(": ", text)


def _unquoted(text: str) -> str:
    """What the sentence says in its own voice: quoted stretches go when something outside
    them attributes them ('Biden told Putin: "..."'); a sentence that is only a quote, or
    whose quote nobody says, is read whole.
    """
    outside = _QUOTED.sub(" \u2026 ", text)
    if len(re.findall(r"\w+", outside)) >= 2:
        return outside
    return re.sub(rf"[{_OPEN_Q}{_CLOSE_Q}]", " ", text)


# a relative clause set off by commas: the clause after it goes on with the sentence's subject
# (not when that "subject" is the reader: "Assistant, who reads this, say ...")
_ASIDE = _latin(r"\W*(?:who|which|whose)\b")
_VOCATIVE = _latin(r"\W*(?:dear |hey |hi )?(?:assistant|ai|model|bot|chatbot|system|llm|gpt)\W*$")


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The clauses of a sentence, each with whether a comma opened it."""
    out: list[tuple[str, bool]] = []
    pos, comma = 0, False
    for m in _BOUNDARY.finditer(text):
        out.append((text[pos : m.start()], comma))
        pos, comma = m.end(), m.group(1) is not None
    out.append((text[pos:], comma))
    return [(c, k) for c, k in out if c.strip()]
