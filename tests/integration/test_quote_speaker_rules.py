"""Whose words a quoted sentence is in news copy, on short stories written for these tests (not
the labelled news): the rules that the quote-speaker set (eval/quote_speakers.py) showed
missing. A person the story links to no party, "he said" after a person's name opens the
sentence, names either side of a quote, a party-and-state tag before a surname, and a day
after "said". Uses the packaged spaCy model (no embedding model)."""

from __future__ import annotations

import pytest

from index.chunking import sentence_spans
from index.cleaning import normalise
from tests.support.stance_reading import make_reader


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def _speaker_of(reader, text: str, words: str, source: str = "") -> str:
    """The speaker (else the party) stored for the sentence holding `words`; "" for none."""
    text = normalise(text)
    _, _, voices = reader.read(text, sentence_spans(text), source)
    at = text.index(words)
    for v in voices:
        if v.start <= at < v.end and v.kind != "question":
            return v.speaker or v.party
    return ""


def test_he_said_after_a_person_holding_in_their_own_name_is_theirs(reader):
    # the ambassador is linked to no state in the story: he holds in his own name
    text = (
        "Varenland is open to a shared fishing zone as long as quotas are fair, Ambassador "
        "Oskar Lindqvist said in an interview.\n\n"
        "Lindqvist said Varenland would support a joint patrol if both sides asked for it.\n\n"
        '"Whenever we find a trawler breaking these rules, we will take action," Lindqvist said.\n\n'
        "The coastal states have named Varenland a rival, but Lindqvist disagreed.\n\n"
        '"Varenland has no interest in ruling these waters," he said. "No single country can '
        'rule the sea."\n'
    )
    assert "Lindqvist" in _speaker_of(reader, text, "no interest in ruling")
    assert "Lindqvist" in _speaker_of(reader, text, "No single country")


def test_he_in_a_sentence_that_opens_with_a_person_is_that_person(reader):
    text = (
        "The refusal came in a letter from council lawyer Petra Hollis to committee chair "
        "Aaron Vance.\n\n"
        '"We will answer in writing," Hollis said on Monday.\n\n'
        '"The committee has no role in these records," Vance said in reply.\n\n'
        "Hollis cited in her letter what she says were flaws in the committee's request.\n\n"
        'She said the request is "beyond the reach of any committee" and should be withdrawn.\n'
    )
    assert "Hollis" in _speaker_of(reader, text, "beyond the reach")


def test_he_said_after_a_private_person_opens_the_sentence_before(reader):
    text = (
        "Workers at the Brackley plant were divided on the deal.\n\n"
        "Tom Fenner, a welder, declined to say which way he voted.\n\n"
        "Fenner pointed out that even in a bad year the company made a large profit.\n\n"
        '"Look at what they are paying executives," he said. "It is plain greed."\n'
    )
    assert "Fenner" in _speaker_of(reader, text, "paying executives")
    assert "Fenner" in _speaker_of(reader, text, "plain greed")


def test_a_sentence_opening_word_is_no_speaker(reader):
    text = (
        "Last month, the envoy said the prospects of a deal were slim.\n\n"
        "The talks resume next week in Geneva, according to the ministry.\n\n"
        '"We will not accept demands beyond the treaty," he continued.\n'
    )
    assert _speaker_of(reader, text, "beyond the treaty") not in ("Last", "According")


def test_names_either_side_of_a_quote_do_not_run_together(reader):
    text = (
        'Mira Dov "wants the alliance to accept the new border, so talks will be very hard," '
        "Ilan Sarro said.\n"
    )
    assert _speaker_of(reader, text, "wants the alliance") == "Ilan Sarro"


def test_a_party_and_state_tag_is_no_part_of_the_next_speakers_name(reader):
    text = (
        "The letter went from counsel Dana Whitlow to Chairman Ross Pell, D-N.Y. Whitlow said "
        'the office "will not hand over" the records.\n\n'
        '"We stand ready to talk," Whitlow said.\n'
    )
    assert _speaker_of(reader, text, "stand ready") == "Whitlow"


def test_a_day_after_said_is_no_speaker(reader):
    text = (
        "An opposition lawmaker said Thursday he had evidence of the payment, and officials "
        'called the inquiry "preliminary."\n'
    )
    assert _speaker_of(reader, text, "opposition lawmaker") != "Thursday"


def test_said_a_bodys_spokeswoman_names_her_for_the_next_she_said(reader):
    text = (
        '"The board has shown contempt for the nurses," union president Karl Ebbe said.\n\n'
        "Not so, said Harwick Hospital spokeswoman Lena Ostrow.\n\n"
        '"We have bargained in good faith at every meeting," she said.\n'
    )
    assert "Ostrow" in _speaker_of(reader, text, "bargained in good faith")


def test_they_said_is_no_single_persons(reader):
    text = (
        "Aid workers met United Nations envoy Jonas Petterby in Kessel on Monday.\n\n"
        '"Nobody can reach the northern villages," Petterby said.\n\n'
        "The groups called for a corridor to the villages.\n\n"
        'They also insisted that women be "fully represented" in the talks.\n'
    )
    assert "Petterby" not in _speaker_of(reader, text, "fully represented")


def test_a_title_ending_in_a_place_is_followed_by_the_person(reader):
    text = (
        "The talks on the Skarre treaty resumed on Monday.\n\n"
        "Last month, Special Envoy for Varenland Rob Tallis said the prospects of a deal were "
        '"tenuous at best."\n\n'
        '"If Dask maintains demands beyond the treaty, we will reject them.\n\n'
        'It is not our preference, but we are prepared to live with that," he continued.\n\n'
        "A spokesperson for Harwick Shipping Company said it was not consulted.\n"
    )
    assert "Tallis" in _speaker_of(reader, text, "demands beyond the treaty")
    # the company's words (its spokesperson is no person named "Shipping Company")
    assert _speaker_of(reader, text, "not consulted") == "Harwick Shipping Company"


def test_a_quote_opened_curly_and_closed_straight_still_names_its_speaker(reader):
    text = (
        "Speakers urged the crowd to vote early.\n\n"
        '\u201cThose doors don\u2019t knock themselves," Harwick Mayor Dana Ruel said.\n\n'
        '"This is all hands on deck!"\n'
    )
    assert "Ruel" in _speaker_of(reader, text, "doors don")
    assert "Ruel" in _speaker_of(reader, text, "all hands on deck")


def test_a_quote_over_two_sentences_in_straight_marks_is_its_speakers(reader):
    text = (
        "Thousands came to the rally in Harwick on Friday.\n\n"
        '"I do not take lightly the call to speak up," singer Mira Solt said.\n\n'
        "She also drew comparisons between herself and the mayor.\n\n"
        '"Just like Dana Ruel, I too have been the underdog. '
        'I have been underestimated," she said.\n'
    )
    assert "Solt" in _speaker_of(reader, text, "I too have been the underdog")
    assert "Solt" in _speaker_of(reader, text, "I have been underestimated")


def test_he_wrote_after_a_body_wrote_is_not_the_person_before_it(reader):
    # "Harwick Council" speaks between Pike and "he wrote": "he" is not Pike
    text = (
        '"It is your job to perform," Ann Pike, a former councillor, said on the radio.\n\n'
        "Pike said the performers were being self-absorbed.\n\n"
        "The reason for the closure, Harwick Council wrote in a post, was the centre's "
        "shows.\n\n"
        '"Last year the centre put on shows for our youth - THIS WILL STOP," he wrote.\n'
    )
    assert "Pike" not in _speaker_of(reader, text, "THIS WILL STOP")


def test_a_person_named_in_apposition_to_a_title_is_the_speaker(reader):
    text = (
        "The river authority met on Tuesday to discuss the dam.\n\n"
        "The authority's chief engineer for the Upper Basin, Maren Ostrova, has said the "
        'spillway is "safe for another decade".\n\n'
        'Another former board member, Piet Vandeleur, said the repairs were "long overdue".\n'
    )
    assert _speaker_of(reader, text, "safe for another decade") == "Maren Ostrova"
    assert _speaker_of(reader, text, "long overdue") == "Piet Vandeleur"


def test_the_subject_speaks_in_a_clause_of_saying(reader):
    text = (
        "Dockworkers at Port Halden walked out on Monday.\n\n"
        "Halden Freight spokeswoman Ida Rennick rejected the union's claims, telling reporters: "
        '"Temporary staff make up a small share of our workforce."\n\n'
        'Coastal Union leader Brannock remained defiant, saying the company "cannot be trusted".\n'
    )
    assert _speaker_of(reader, text, "Temporary staff") == "Ida Rennick"
    assert "Brannock" in _speaker_of(reader, text, "cannot be trusted")


def test_a_word_between_the_name_and_its_verb(reader):
    text = (
        "The Harbour Party has attacked the levy.\n\n"
        "Opposition leader Edda Maray yesterday told the Coastal Herald that the levy "
        '"punishes small traders".\n\n'
        'Mayor Tobin Adair on Wednesday warned that the council "will not back down".\n'
    )
    assert _speaker_of(reader, text, "punishes small traders") == "Edda Maray"
    assert _speaker_of(reader, text, "will not back down") == "Tobin Adair"


def test_a_quote_the_subject_calls_something_by(reader):
    text = (
        "Residents of Elmstead gathered outside the town hall.\n\n"
        'Councillor Ruth Okafor described the housing plan as "a betrayal of the valley".\n\n'
        'The plan, as Okafor called it, is a "developer\'s wish list".\n\n'
        'Grenmoor Homes issued a statement saying it remained "committed to the town".\n'
    )
    assert _speaker_of(reader, text, "a betrayal of the valley") == "Ruth Okafor"
    assert "Okafor" in _speaker_of(reader, text, "developer's wish list")
    assert "Grenmoor" in _speaker_of(reader, text, "committed to the town")


def test_no_speaker_from_an_opening_adverb_or_a_reported_pledge(reader):
    # guards: a capitalised adverb opening a sentence is no one, and a pledge the sentence
    # reports as another's words ("..., the news site said") is not the subject's quote
    text = (
        "Fighting spread to the north on Friday, said army spokesman Col. Darius Kell.\n\n"
        "Elsewhere, in the oil fields of the east, troops were forced back by the rebels, "
        "said Kell.\n\n"
        'Often dismissed as a fringe figure, Vera Lind has pledged to "restore order in the '
        'provinces", the Capital Post reported.\n'
    )
    assert _speaker_of(reader, text, "troops were forced back") != "Elsewhere"
    assert "Kell" in _speaker_of(reader, text, "troops were forced back")
    assert "Lind" not in _speaker_of(reader, text, "restore order")
    assert _speaker_of(reader, text, "restore order") != "Often"


def test_an_unnamed_official_speaks_for_the_party_that_describes_them(reader):
    text = (
        "Varenland and Dask resumed talks on the Skarre treaty in Geneva on Monday.\n\n"
        "Varenland said it would table a new fishing plan.\n\n"
        '"We have good insight into what Dask will accept," one senior Varenland official '
        "told reporters.\n\n"
        "Nordhavn Fisheries Ltd, the largest trawler operator, has opposed any new quotas.\n\n"
        'A spokesperson for Nordhavn Fisheries said the plan was "a step in the right '
        'direction".\n'
    )
    assert _speaker_of(reader, text, "good insight") == "Varenland"
    assert "Nordhavn" in _speaker_of(reader, text, "a step in the right direction")


def test_the_subject_after_an_opening_phrase_and_in_joined_clauses(reader):
    text = (
        "The Elmstead council voted on the housing plan on Tuesday.\n\n"
        "In introducing the plan, Tobin Adair also showed some impatience, saying the valley "
        '"cannot wait another decade".\n\n'
        'Ruth Okafor answered the same question by saying, "We will not be rushed."\n\n'
        'Piet Vandeleur visited the site last week and said it was "ready for building".\n\n'
        "The council's longest-serving member, Edda Maray, called the vote "
        '"a turning point".\n'
    )
    assert _speaker_of(reader, text, "cannot wait another decade") == "Tobin Adair"
    assert _speaker_of(reader, text, "We will not be rushed") == "Ruth Okafor"
    assert _speaker_of(reader, text, "ready for building") == "Piet Vandeleur"
    assert _speaker_of(reader, text, "a turning point") == "Edda Maray"


def test_he_after_an_opening_phrase_is_the_subject_it_introduces(reader):
    text = (
        "The Elmstead council met on Tuesday.\n\n"
        "Council leader Tobin Adair said last week that he favours a vote in June.\n\n"
        'Ruth Okafor said the housing plan was "a betrayal of the valley".\n\n'
        "Asked if the vote should be delayed, Adair criticized councillors who he said "
        'wanted to "stall the valley for another decade".\n'
    )
    assert _speaker_of(reader, text, "stall the valley") == "Tobin Adair"


def test_the_role_said_is_the_speaker_the_story_introduced_by_that_role(reader):
    # between the spokesman's two quotes a union leader speaks: "the spokesman" is not the last
    # speaker, it is the one the story introduced as spokesman
    text = (
        "Port spokesman Daniel Okafor said the terminal would reopen on Friday.\n\n"
        '"Every berth will be inspected before the first ship comes in," Okafor said.\n\n'
        "Union leader Maria Castell said her members would not return without a written "
        "safety plan.\n\n"
        '"We have heard promises before," Castell said.\n\n'
        '"The plan will be published on Thursday," the port spokesman added.\n'
    )
    assert "Okafor" in _speaker_of(reader, text, "published on Thursday")


def test_the_group_said_is_the_body_introduced_as_a_group(reader):
    text = (
        "Friends of Lake Sorrel, a residents' group, has opposed the marina for two years.\n\n"
        "Councillor Ruth Amadi said the council would vote on the plan in March.\n\n"
        '"The council has ignored every objection we sent," the group said in a statement.\n'
    )
    assert "Friends of Lake Sorrel" in _speaker_of(reader, text, "ignored every objection")


def test_the_role_said_is_no_one_the_story_did_not_introduce_by_that_role(reader):
    # nobody was introduced as a spokesman: the mayor, who spoke last, is not "the spokesman"
    text = (
        "Mayor Ines Duarte said the bridge would stay closed until the spring.\n\n"
        '"Repairs will take at least four months," the spokesman said.\n'
    )
    assert "Duarte" not in _speaker_of(reader, text, "at least four months")


def test_a_speaker_after_a_long_title_an_age_or_an_owner(reader):
    text = (
        "The harbour plan goes to a vote on Monday.\n\n"
        '"The plan puts every berth at risk," Dana Ortiz, vice president of policy, trade and '
        "markets at the Harbor Freight Council, said in a statement.\n\n"
        'Nora Vik, director of Clean Coast, called the plan "a disaster for the bay."\n\n'
        'Mayor Ines Duarte described the delay as "unacceptable" but said the vote would go ahead.\n\n'
        '"We were never asked," said 52-year-old Lina Marsh, who runs a cafe on the quay.\n\n'
        '"The council has made up its mind," said the Herald\'s Mia Lund.\n\n'
        'Rep. Tom Alder, R-Ohio, who leads the budget committee, said Reyes\'s "reckless plan" '
        "would cost the state dearly.\n"
    )
    assert "Ortiz" in _speaker_of(reader, text, "every berth at risk")
    assert "Vik" in _speaker_of(reader, text, "a disaster for the bay")
    assert "Duarte" in _speaker_of(reader, text, "unacceptable")
    assert "Marsh" in _speaker_of(reader, text, "never asked")
    assert "Lund" in _speaker_of(reader, text, "made up its mind")
    # what was said ("Reyes's reckless plan") is not who said it
    assert "Reyes" not in _speaker_of(reader, text, "reckless plan")


def test_a_quote_an_outlet_reported_is_the_outlets_unless_someone_in_it_speaks(reader):
    text = (
        "The bridge has been closed since March.\n\n"
        'Mayor Ines Duarte has promised to "finish the repairs by spring", the Harbour Gazette '
        "reported.\n\n"
        "Duarte, who took office last year, has criticised the contractor, saying its work was "
        '"far too slow," the Harbour Gazette reported.\n'
    )
    assert "Harbour Gazette" in _speaker_of(reader, text, "finish the repairs")
    assert "Gazette" not in _speaker_of(reader, text, "far too slow")


def test_two_speakers_each_with_a_title_and_a_relative_clause_holding_a_name(reader):
    # the second speaker after "and" is no part of the first one's title; the friend named in a
    # relative clause is not the one who speaks
    text = (
        "Charges were filed against the councillor on Monday.\n\n"
        '"The charges are political," Ruth Kell, policy director at the Harbor League, and Omar '
        "Sato, executive director of Harbor League North, said in a statement.\n\n"
        "Painter Tino Ortega, who opened the gallery with his friend, Diego Martinez, said the "
        'mural was "a love letter to the city."\n'
    )
    assert _speaker_of(reader, text, "charges are political") in ("Omar Sato", "Ruth Kell")
    assert _speaker_of(reader, text, "love letter") == "Tino Ortega"


def test_a_body_said_to_be_the_subject_of_what_was_said_is_not_the_speaker(reader):
    # "said the company would ..." reports what the company will do; it does not say the
    # company spoke (the Amberly company introduced above is not this sentence's speaker)
    text = (
        "Corvane Media, the British company, aired the edited clip in October.\n\n"
        '"The clip was doctored," Councillor Ada Marsh said on Monday.\n\n'
        "In a reply to questions, a Corvane Media spokesperson on Dec. 16 said the company would "
        'defend itself and "would not comment on ongoing legal proceedings."\n'
    )
    speaker = _speaker_of(reader, text, "would not comment on ongoing")
    assert "Corvane" in speaker, speaker
    assert "United Kingdom" not in speaker


def test_an_unnamed_spokesperson_or_statement_of_a_body_is_the_bodys(reader):
    # a role qualified by words of its own, and a date between the speaker and the verb
    text = (
        "The water company Harlow Water raised its prices by 40 percent in March.\n\n"
        '"The rise was approved by the regulator," a Harlow Water press office spokesperson '
        "said.\n\n"
        'A Harlow Water statement from Nov. 13 says, "We regret the rise but we will not reverse '
        'it."\n\n'
        '"The rise is unlawful," a Harlow Water customer group spokesperson said.\n'
    )
    assert "Harlow Water" in _speaker_of(reader, text, "We regret the rise")
    assert "Harlow Water" in _speaker_of(reader, text, "approved by the regulator")
    # the customers' group speaks for the customers, not for the company
    assert _speaker_of(reader, text, "The rise is unlawful") != "Harlow Water"


def test_a_body_s_own_text_named_with_the_body_is_the_body_s(reader):
    # '"...," the DOGE post said', "the Harwick Council statement said": the body's words
    text = (
        "Harwick Council voted on Tuesday to close the Eastgate depot.\n\n"
        '"We will appeal the ruling and keep the depot open," the Harwick Council statement '
        "said.\n"
    )
    assert _speaker_of(reader, text, "We will appeal") == "Harwick Council"


def test_someone_apposed_to_a_persons_partner_speaks_for_themself_not_that_person(reader):
    # "said he was ..." is what the speaker said about himself, not a second speaker "he"
    text = (
        "Reactions came quickly from the racing press. Commentator Derek Vallory posted that "
        '"nothing this big has happened in years".\n\n'
        "Vallory's broadcast partner, Tomas Brennick, said he was sorry to see the team "
        "principal go but was not surprised by the decision.\n\n"
        '"The signs have been there all season," he wrote.\n'
    )
    assert _speaker_of(reader, text, "sorry to see") == "Tomas Brennick"
    assert _speaker_of(reader, text, "signs have been there") == "Tomas Brennick"


def test_he_said_after_a_sentence_about_someones_speech_is_the_speaker_not_a_town(reader):
    # the town before the quote ("in Castlebury, United Kingdom") is no person of that state,
    # and the subject (the broadcaster) did not give the speech
    text = (
        "The team dismissed its principal, Marcus Oldfield, after nineteen years in charge.\n\n"
        "Channel Nine obtained video of Oldfield's farewell speech to staff at the team's "
        "factory in Castlebury, United Kingdom.\n\n"
        '"Yesterday I was told that I would no longer run the team," he said in the clip.\n'
    )
    assert _speaker_of(reader, text, "no longer run the team") == "Marcus Oldfield"


def test_a_sentence_that_says_what_its_subject_said_after_another_verb_is_the_subjects(reader):
    # "for the US withdrawal": "the" before a name is no title ("the US" is not a speaker)
    text = (
        "Senator Hal Pruitt spoke at the summit on Tuesday.\n\n"
        "During his speech, Pruitt apologized for the US withdrawal from the Lisbon Accord "
        "under former President Ana Colvin, and said he was trying to prove that "
        '"good climate policy is good economic policy."\n'
    )
    assert "Pruitt" in _speaker_of(reader, text, "good climate policy")


def test_a_town_and_its_state_after_in_are_no_person_and_party(reader):
    # the tagger takes "Milton Keynes" for a person; apposed to a state after "in", a town
    text = normalise(
        "Marcus Oldfield led the team for nineteen years.\n\n"
        "A broadcaster obtained video of his farewell speech to staff at the team's base in "
        "Milton Keynes, United Kingdom.\n\n"
        '"Yesterday I was told that I would no longer run the team," he said in the clip.\n'
    )
    _, people, _ = reader.read(text, sentence_spans(text), "")
    assert "Milton Keynes" not in people


def test_the_paper_said_is_the_outlet_named_just_before_and_no_other(reader):
    text = (
        "Finance Minister Ilse Varga faces a revolt over the budget.\n\n"
        "Most members of her party oppose the cuts, the Dunmore Herald reported on Monday.\n\n"
        'Varga has "lost the room" and may not survive the week, the paper added.\n'
    )
    assert _speaker_of(reader, text, "lost the room") == "Dunmore Herald"
    # a source quoted by its name since, which the reader does not know as an outlet: not the
    # Herald's words, and nobody's rather than the wrong outlet's
    text = (
        "Finance Minister Ilse Varga faces a revolt over the budget.\n\n"
        "Most members of her party oppose the cuts, the Dunmore Herald reported on Monday.\n\n"
        'The Lantern argues that the cuts are "overdue". Varga "has the numbers", the paper '
        "adds.\n"
    )
    assert _speaker_of(reader, text, "has the numbers") != "Dunmore Herald"


def test_a_titled_person_opening_a_sentence_speaks_its_saying_clause(reader):
    text = (
        "The alliance met in Varna on Tuesday.\n\n"
        "Secretary of Defense Hal Pruitt on Wednesday backed the plan, stating that any attack "
        'would be met with "a decisive response."\n\n'
        "The American Federation of Dock Employees criticized the plan, saying it would "
        '"cost thousands of jobs."\n'
    )
    assert _speaker_of(reader, text, "decisive response") == "Hal Pruitt"
    assert _speaker_of(reader, text, "cost thousands") != "Dock Employees"  # no title, no person


def test_a_word_opening_a_sentence_before_a_surname_is_no_given_name(reader):
    text = (
        "The rally ran late on Saturday.\n\n"
        "Among Pruitt's remarks to the crowd was a promise on wages.\n\n"
        '"We will raise them in the first month," he said.\n'
    )
    assert "Among" not in _speaker_of(reader, text, "first month")
