"""Whose words a sentence is, from text alone (assistant/voices.py) and as an answer writes it
(assistant/attribution.py). The parse-based parts are covered by tests/integration."""

from __future__ import annotations

from assistant.attribution import asked_speaker, attribute, lead_in
from assistant.types import VoiceRow
from assistant.voices import Turn, author, read_voices
from index.chunking import sentence_spans


def _read(text, turns=(), publisher="", people=None, parties=None):
    people = people or {}
    parties = parties or {}
    return read_voices(
        text,
        sentence_spans(text),
        list(turns),
        publisher,
        lambda p: people.get(p) or people.get(p.split()[-1], "") if p else "",
        lambda n: parties.get(n.lower().removeprefix("the "), ""),
    )


def _speaker_of(text, voices, words):
    """The stored speaker of the sentence holding `words` (None: no voice)."""
    at = text.index(words)
    return next((v.speaker for v in voices if v.start <= at < v.end), None)


def test_titles_name_the_person_a_statement_is_by_not_a_body():
    assert author("Press conference by NATO Secretary General Jens Stoltenberg following") == (
        "Jens Stoltenberg"
    )
    assert author("Briefing with Deputy Secretary Wendy R. Sherman on the dialogue") == (
        "Wendy R. Sherman"
    )
    assert author("Foreign Minister Sergey Lavrov's answers to media questions") == "Sergey Lavrov"
    assert author("Statement by the North Atlantic Council on the situation") == ""
    assert author("Defusing the crisis: efforts in full swing") == ""


def test_a_readout_of_a_call_with_someone_is_not_in_their_words():
    # the Kremlin's account of the call is the Kremlin's text, not Biden's: an answer quoting
    # it was introduced with "Joseph Biden (Russia) said:"
    assert author("Telephone conversation with US President Joseph Biden") == ""
    assert author("Meeting with Prime Minister Ana Ruiz of Belvia") == ""
    assert author("Talks with Northwind chief executive Ana Ruiz") == ""
    assert author("Interview with Foreign Minister Sergey Lavrov") == "Sergey Lavrov"


def test_he_told_a_newspaper_is_the_last_named_speaker_not_the_newspaper():
    text = (
        "The ambassador in Berlin, Andrij Melnyk, called for arms. "
        '"Germany bears a historical responsibility," he told the Funke media group.'
    )
    [v] = _read(text, people={"Andrij Melnyk": "Ukraine"})
    assert (v.kind, v.speaker, v.party) == ("quote", "Andrij Melnyk", "Ukraine")


def test_a_place_before_said_is_no_speaker_and_a_party_name_is_a_party():
    text = (
        "The mission in Geneva said the talks would be long. The Kremlin said the call was useful."
    )
    voices = _read(text, parties={"kremlin": "Russia"})
    assert [(v.speaker, v.party) for v in voices] == [("", "Russia")]


def test_a_party_s_own_text_is_one_voice_and_a_quote_in_it_is_the_speaker_s():
    text = (
        "We are prepared to keep the terminal open. Our crews will keep working. "
        '"We will not cut jobs," said Ana Ruiz.'
    )
    voices = _read(text, publisher="Northwind", people={"Ana Ruiz": "Northwind"})
    assert [(v.kind, v.speaker, v.party) for v in voices] == [
        ("own", "", "Northwind"),
        ("quote", "Ana Ruiz", "Northwind"),
    ]
    assert text[voices[0].start : voices[0].end].endswith("keep working.")


def test_turns_and_questions():
    text = "MS OKAFOR: We will not extend the deadline.\n\nQ: Is the plan dead?"
    turns = [Turn(0, "Okafor", "Harbour Authority", False), Turn(text.index("Q:"), "", "", True)]
    voices = _read(text, turns=turns)
    assert [(v.kind, v.speaker) for v in voices] == [("turn", "Okafor"), ("question", "")]


def test_a_lead_in_only_where_the_sentence_does_not_say_whose_it_is():
    names = {"nato": "NATO", "us": "United States"}.get
    own = VoiceRow(0, 100, "", "nato", "own")
    turn = VoiceRow(0, 100, "Wendy Sherman", "us", "turn")
    assert lead_in(own, "We reiterate our invitation.", "2021-12-16", names) == (
        "NATO, 16 Dec 2021: "
    )
    assert lead_in(turn, "We had a frank discussion.", "", names) == (
        "Wendy Sherman (United States) said: "
    )
    assert lead_in(turn, "Sherman said the talks were frank.", "", names) == ""
    # a quote opened curly and closed straight, as pages mix them, ends at its straight mark:
    # the words after it name the speaker ("Wendy Sherman (United States) said: \u201c...,"
    # Sherman said" repeated them)
    mixed = '\u201cWe had a frank discussion," Sherman said in a statement.'
    assert lead_in(turn, mixed, "", names) == ""
    # the sentence names its speaker by a pronoun: no second speaker before it (a wrong one,
    # when the stored voice took "he" for another person)
    assert lead_in(turn, '"The debate should be held on Fox," he wrote.', "", names) == ""
    assert lead_in(VoiceRow(0, 9, "", "", "question"), "Is it over?", "", names) == ""
    # a speaker the sentence describes by their party: the reporter's account, not the party's
    # own statement ("NATO, 16 Dec 2021: ... a senior NATO official said ..." would misquote)
    quoted = VoiceRow(0, 100, "", "nato", "quote")
    described = 'Talks will resume, after a senior Alliance official said they were "useful".'
    assert lead_in(quoted, described, "2021-12-16", names) == ""
    assert lead_in(quoted, '"They were useful."', "2021-12-16", names) == "NATO, 16 Dec 2021: "
    # one speaker's run is introduced once
    texts = attribute(
        [("d", "We had talks.", (0, 13), ""), ("d", "They were frank.", (14, 30), "")],
        {"d": [turn]},
        names,
    )
    assert texts == ["Wendy Sherman (United States) said: We had talks.", "They were frank."]


def test_the_speaker_a_question_asks_about():
    assert asked_speaker("What did Sherman say about Ukraine?") == "Sherman"
    assert asked_speaker("How did the Kremlin respond to the offer?") == "Kremlin"
    assert asked_speaker("what has Ana Ruiz told the workers") == "Ana Ruiz"
    assert asked_speaker("How did NATO react to Russia's demands?") == "NATO"
    assert asked_speaker("What happened in Geneva?") == ""


def test_she_said_is_the_person_named_since_the_last_speaker():
    text = (
        'Foreign Minister Dmytro Kuleba said: "The Cold War is over." '
        "The Vice Prime Minister Olga Stefanischina saw this as a strong signal. "
        "In a statement, she said that Russia is not entitled to make demands."
    )
    people = {"Dmytro Kuleba": "Ukraine", "Olga Stefanischina": "Ukraine"}
    voices = _read(text, people=people)
    assert [v.speaker for v in voices] == ["Dmytro Kuleba", "Olga Stefanischina"]


def test_a_listicles_headings_are_no_speakers_but_a_transcripts_labels_are():
    from assistant.stance_layout import speaker_turns

    listicle = (
        "The best weekend trips this winter.\n\n"
        "Las Vegas: The Strip reopens its fountains on Friday.\n\n"
        "Santa Fe: Galleries stay open late every Thursday.\n\n"
        "Editor's Note: Prices were correct at the time of writing."
    )
    assert speaker_turns(listicle) == []
    states = "\n\n".join(
        f"{place}: Officials said the {place} fair opens on Friday."
        for place in ("Juneau", "Washington", "Salem", "Santa Fe", "Washington", "Boise", "Helena")
    )
    assert speaker_turns(states) == []  # one place named twice among many is no speaker
    titles = "Call of Duty: Black Ops (2010)\n\nIt was set in the Cold War.\n\n" * 2
    assert speaker_turns(titles) == []  # a title on a line of its own
    sections = "News: Prices rose 3%.\n\nSports: The Bears won.\n\nNews: Rents fell."
    assert speaker_turns(sections) == []
    # a heading that asks, prose under it: one such question made fifty states a transcript
    asked = (
        "Alaska: Fear of climate change rises\n\nIn 2017 the ice shelf broke up.\n\n"
        "New Hampshire: Voter fraud or bogus claims?\n\nA commission found no evidence.\n\n"
        "New Mexico: Plague found, and not for the first time\n\nThree cases were confirmed."
    )
    assert speaker_turns(asked) == []
    asking = "Mark Dunn: Will you lower the fee?\n\nMINISTER HALE: No, we will not."
    assert [label for _, _, label in speaker_turns(asking)] == ["Mark Dunn", "MINISTER HALE"]
    transcript = (
        "MS OKAFOR: We will not extend the deadline.\n\n"
        "REPORTER (City Post): Is the plan dead?\n\n"
        "MS OKAFOR: It is not.\n\n"
        "DR SAMUEL OKORE: We will meet again on Monday."
    )
    assert [label for _, _, label in speaker_turns(transcript)] == [
        "MS OKAFOR",
        "REPORTER",
        "MS OKAFOR",
        "DR SAMUEL OKORE",
    ]


def test_he_said_after_an_unlinked_person_is_not_someone_named_earlier():
    # "he" is Trump, whom the story links to no party: not Kamala Harris, named in full and
    # linked a sentence earlier. Unknown is better than wrong.
    text = (
        "Biden left the race on Sunday and endorsed Kamala Harris, and the debate may not go on. "
        "In a post on Sunday, Donald Trump's campaign was silent. "
        "Later, Trump called for Fox News to host the debate. "
        '"I think the debate should be held on Fox," he wrote.'
    )
    voices = _read(text, people={"Kamala Harris": "United States"})
    quoted = [v for v in voices if text[v.start : v.end].startswith('"I think')]
    assert all(v.speaker != "Kamala Harris" for v in quoted)
    linked = _read(text, people={"Kamala Harris": "United States", "Trump": "Trump campaign"})
    assert [
        (v.speaker, v.party) for v in linked if text[v.start : v.end].startswith('"I think')
    ] == [("Trump", "Trump campaign")]


def test_every_sentence_of_a_quote_is_the_speakers_whichever_one_names_them():
    text = (
        '"We know that both sides have had problems with supply," Herbst told reporters. '
        '"We know that Russia is being supplied with shells in large quantities. And we know '
        'the West has learned that it does not have enough."\n\n'
        '"Two weeks ago, the family announced a golf resort. Yesterday, the jet was gifted," '
        "said Peter Welch on X."
    )
    people = {"Herbst": "Atlantic Council", "Peter Welch": "Democrats"}
    voices = _read(text, people=people)

    assert _speaker_of(text, voices, "We know that Russia") == "Herbst"
    assert _speaker_of(text, voices, "And we know the West") == "Herbst"
    assert _speaker_of(text, voices, "Two weeks ago") == "Peter Welch"


def test_a_heading_line_between_an_interviews_answers_is_not_the_speakers_words():
    from assistant.voices import with_headings

    text = (
        "NOCCIOLINO: I think it is a horse race between the two musicals.\n\n"
        "So, whether I was involved or not, I would be saying that too.\n\n"
        'Best performance by an actor in a featured role: Michael Aronov ("Oslo"), Danny '
        'DeVito ("The Price") and Nathan Lane ("The Front Page")\n\n'
        "NOCCIOLINO: I think Nathan Lane will win it this year.\n"
    )
    second = text.index("NOCCIOLINO: I think Nathan")
    turns = [Turn(0, "Albert Nocciolino", "NAC Entertainment", False)]
    turns.append(Turn(second, "Albert Nocciolino", "NAC Entertainment", False))
    voices = _read(text, with_headings(text, turns))
    his = " ".join(text[v.start : v.end] for v in voices if v.speaker == "Albert Nocciolino")
    assert "horse race" in his and "saying that too" in his and "Nathan Lane will win" in his
    assert "Michael Aronov" not in his
    # a turn whose paragraphs all end as sentences do is left whole
    whole = [Turn(0, "Albert Nocciolino", "NAC Entertainment", False)]
    assert with_headings(text[:second].split("\n\nBest")[0], whole) == whole
    # so is one that sets out a list: its items and the line opening it are the speaker's
    listed = (
        "MAREK HOLT: We have put three demands to the board.\n\n"
        "Before any talks, we want the following:\n\n"
        "- a pay rise of 5% from April\n\n"
        "2) no compulsory redundancies\n\n"
        "(b) a review of night shifts\n\n"
        "None of that is new."
    )
    holt = [Turn(0, "Marek Holt", "Marlow Dockers Union", False)]
    assert with_headings(listed, holt) == holt


def test_a_long_title_after_said_names_the_person_who_holds_it():
    # the five words a name may have cut these before the person ("National Hurricane Center
    # Deputy Director" was the speaker), and "of" or "and" inside a title stopped them earlier
    text = (
        '"The biggest change is the inland wind warning," said National Hurricane Center '
        "Deputy Director Jamie Rhome. "
        '"Any earthquake over 7.0 poses a tsunami risk," said AccuWeather Vice President of '
        "Forecast Operations Dan DePodwin. "
        '"Now we think we can do it sooner," said Midco President and CEO Pat McAdaragh. '
        '"The river is falling," said Kimble County Emergency Coordinator Randy Millican.'
    )
    voices = _read(
        text,
        people={"Randy Millican": "Kimble County Emergency Coordinator Randy Millican"},
        parties={"accuweather": "AccuWeather", "midco": "Midco"},
    )
    assert [(v.speaker, v.party) for v in voices] == [
        ("Jamie Rhome", ""),
        ("Dan DePodwin", "AccuWeather"),
        ("Pat McAdaragh", "Midco"),
        # a title run the reader took for a body is no party beside its holder's name
        ("Randy Millican", ""),
    ]


def test_a_title_run_names_the_first_of_two_people_and_no_one_after_a_bare_title():
    text = (
        "The talks went well, said Secretary of State Marco Rubio and Defense Secretary Pete "
        "Hegseth. "
        '"We are proud of them," said Hawk Mayor, a Vietnam combat veteran.'
    )
    voices = _read(text)
    assert [v.speaker for v in voices] == ["Marco Rubio", "Hawk Mayor"]


def test_a_title_without_a_name_is_no_speaker():
    text = (
        "More than 4 million people had voted, according to the Georgia Secretary of State's "
        "office. "
        '"We will rebuild," the Governor said. '
        '"The halls were full of smiles," said Hawk Mayor, a Vietnam combat veteran.'
    )
    voices = _read(text, parties={"georgia": "Georgia"})
    # (the outlet's own reporting, the governor unnamed, then a man whose surname is a title)
    assert [(v.speaker, v.party) for v in voices] == [("Hawk Mayor", "")]


def test_a_quote_the_subject_thanks_or_demands_with_is_the_subjects():
    text = (
        'Kamala Harris thanked Republicans "who never voted for a Democrat before." '
        'Last week Ben Cohen demanded to "free Ben & Jerry\'s" from its owner.'
    )
    voices = _read(text)
    assert [v.speaker for v in voices] == ["Kamala Harris", "Ben Cohen"]


def test_a_ministers_portfolio_may_list_with_commas_but_a_comma_ends_a_name():
    text = (
        '"Entire communities are marooned," said Jamaican Minister of Education, Skills, Youth '
        "and Information Dana Dixon. "
        '"We are ready," said Foreign Minister Sergey Lavrov, Defense Minister Sergei Shoigu and '
        "General Valery Gerasimov."
    )
    voices = _read(text, people={"Sergey Lavrov": "Russia"})
    assert [(v.speaker, v.party) for v in voices] == [
        ("Dana Dixon", ""),
        ("Sergey Lavrov", "Russia"),
    ]


def test_a_bare_quote_after_a_plain_line_is_the_speaker_before_it_or_the_line_s_subject():
    # A story quotes on after one plain line of narration, or after a line that opens with an
    # earlier speaker; an answer quoting that sentence must still say whose words they are.
    text = (
        "Farmers protested in the capital on Monday.\n"
        '"We just loved being in the park," said Maria Lopez, who leads the growers\' union. '
        "The jobs included operating games and giving guests tattoos. "
        '"And we would ride as much as possible."\n'
        "The ministry promised a review by Friday.\n"
        'Lopez was not convinced. "They have promised this before."\n'
        '"We cannot wait," said Maria Lopez. Her deputy, Ana Ruiz, runs the stalls. '
        '"The stalls are empty."\n'
        '"Prices must rise," said Maria Lopez.\n'
        "The ministry has not answered.\n"
        '"We will be back."'
    )
    voices = _read(text)

    assert _speaker_of(text, voices, "And we would ride") == "Maria Lopez"
    assert _speaker_of(text, voices, "They have promised") == "Maria Lopez"
    # a line naming someone else, or a paragraph between, leaves the quote unattributed
    assert _speaker_of(text, voices, "The stalls are empty") is None
    assert _speaker_of(text, voices, "We will be back") is None


def test_a_speaker_s_name_never_begins_with_the_word_its_sentence_opened_with():
    # "Though Trump has boasted ...", "Yet Corker has not ...": the capitalised run a name was
    # read from began with the sentence's first word, and an answer read "Yet Corker said: ..."
    text = (
        "Sen. Bob Corker has praised the president before. Yet Corker has not refrained from "
        "publicly taking Trump to task. "
        '"I can call him at 10 o\'clock at night," he said.\n'
        "For added zest, April threw in this detail, she said.\n"
        "ALSO: Beginning with the next school year, students will select classes.\n"
        "Earlier Wednesday Bastian admitted that Delta had scheduled too many flights.\n"
        "Billionaire Richard Branson said the rocket would fly again."
    )
    voices = _read(text, people={"Bob Corker": "Republicans"})
    speakers = {v.speaker for v in voices}
    assert not any(s.split()[0] in {"Yet", "For", "Also", "ALSO", "Earlier"} for s in speakers if s)
    assert {"Bastian", "Richard Branson"} <= speakers  # a calling is no part of a name
    assert _speaker_of(text, voices, '"I can call') in ("Corker", "Bob Corker")


def test_he_said_after_a_long_titled_name_is_the_whole_name_after_the_titles():
    # the subject's run is longer than four words: "Napa County Supervisor Bill Dodd" was read
    # as "Napa County Supervisor Bill", and the answer quoted "Bill said: ..."
    text = (
        "Business owners were determined to clean up. "
        "Napa County Supervisor Bill Dodd spent Monday morning helping clean out a warehouse "
        "he owns in American Canyon. "
        '"We had water gushing out the door yesterday," he said.\n'
        "Washington U.S. Rep. Michael Baumgartner, of Spokane, took swipes at leaders in "
        "Olympia as he touted passage of the bill. "
        '"Elections have consequences," he wrote in a social media post.'
    )
    voices = _read(text)

    assert _speaker_of(text, voices, "We had water") == "Bill Dodd"
    assert _speaker_of(text, voices, "Elections have") == "Michael Baumgartner"
