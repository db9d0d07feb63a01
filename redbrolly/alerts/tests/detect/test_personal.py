"""What only she has, said of herself; his description is his."""

from __future__ import annotations

import pytest

from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("i am the only romanian girl in hull so he knows me", "the only romanian girl in hull"),
        ("I'm deaf so I didn't hear him come in", "I'm deaf"),
        ("im 6 months pregnant and he still pushed me", "im 6 months pregnant"),
        ("my 2 kids were asleep upstairs", "my 2 kids"),
        ("I'm trans and he called me names", "I'm trans"),
        ("he grabbed my butterfly tattoo on my wrist", "my butterfly tattoo"),
        ("i am very short, 1.50, he is very big", "i am very short, 1.50"),
        ("im 19 and im the youngest on the beat", "im 19 and im the youngest on the beat"),
        ("he always asks for the girl with pink hair, that is me", "that is me"),
        ("he'd know me anywhere by the scar on my lip", "by the scar on my lip"),
        ("Sunt însărcinată în luna a cincea", "Sunt însărcinată"),
        ("Ela está grávida de 5 meses", "grávida de 5 meses"),
        ("Tengo dos hijos pequeños", "Tengo dos hijos"),
        ("Jestem w ciąży i boję się", "w ciąży"),
        ("Бременна съм в петия месец", "Бременна"),
        ("Transz nő vagyok Invernessben", "Transz nő vagyok"),
        ("我怀孕了，他还推我", "怀孕"),
        ("ฉันท้องอยู่ เขายังผลักฉัน", "ฉันท้อง"),
    ],
)
def test_her_own_details_are_flagged(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he has a tattoo of a spider on his neck",
        "his kids were in the car",
        "he was polish, about 40",
        "white man, tall, shaved head, scar on his cheek",
        "he was the only one there",
    ],
)
def test_his_description_is_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # the owner in the clause: her possessive, her subject, her noun
        ("she uses a wheelchair and works from her flat", "she uses a wheelchair"),
        ("i walk with a stick since the crash", "i walk with a stick"),
        ("She has three kids under 10 and works days", "She has three kids under 10"),
        ("i have a daughter of 7 so i only work school hours", "i have a daughter of 7"),
        ("I only have one eye, the other is glass", "I only have one eye"),
        ("she has green hair, a nose ring and scars on her wrists", "green hair, a nose ring"),
        ("if you see a lass with blue hair and a scar on her chin its me", "blue hair"),
        ("i've got a baby at home", "i've got a baby"),
        ("im 7 months preggo and he still shoved me", "im 7 months preggo"),
        # the subject carried over from earlier in the sentence
        ("She does the late shift and is hard of hearing, she reads lips", "is hard of hearing"),
        ("She does the late shift and is hard of hearing, she reads lips", "she reads lips"),
        ("I've got blue hair and a half sleeve so he'll know me", "a half sleeve"),
        # text-speak that drops "I"
        ("u cant miss me, got a full sleeve n purple hair lol", "got a full sleeve n purple hair"),
        # "look after" is no clause end
        ("he said he would tell my nan who looks after my two boys", "my nan who looks after"),
    ],
)
def test_a_word_about_her_flags_her_clause(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Am un copil mic acasa si el stie", "Am un copil mic acasa"),
        ("sunt surdă, nu am auzit usa", "sunt surdă"),
        ("Sunt în scaun cu rotile de 5 ani", "în scaun cu rotile"),
        ("Mam małego synka i on o tym wie", "Mam małego synka"),
        ("Mam bliźniaki w domu, boję się", "Mam bliźniaki w domu"),
        ("Jestem głucha od urodzenia", "Jestem głucha"),
        ("tenho uma filha de 2 anos e ele sabe", "tenho uma filha de 2 anos"),
        ("sou cadeirante e trabalho sozinha", "sou cadeirante"),
        ("tengo gemelas de 3 años", "tengo gemelas de 3 años"),
        ("Имам близнаци и той знае", "Имам близнаци"),
        ("Kerekesszékes vagyok", "Kerekesszékes vagyok"),
        ("她怀孕五个月了，他还打她", "她怀孕五个月了"),
        ("我坐轮椅，很容易认出来", "我坐轮椅"),
        ("ฉันชื่อนก ทำงานที่ร้านนวด เป็นคนลาวคนเดียวในร้าน", "เป็นคนลาวคนเดียวในร้าน"),
        ("ลูกสาวฉันอายุ 4 ขวบ", "ลูกสาวฉันอายุ 4 ขวบ"),
    ],
)
def test_a_word_about_her_in_her_language(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Colombian girl working in Slough, he found my ad", "Colombian girl working in Slough"),
        ("theres not many black girls advertising in hull so it was me", "black girls advertising"),
        ("sunt romanca care lucreaza singura in Grimsby", "romanca care lucreaza"),
        ("i am the only thai lady doing outcalls round here", "the only thai lady doing outcalls"),
    ],
)
def test_her_kind_with_where_she_works(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he had a sleeve tattoo and a shaved head",
        "his kids' car seats were in the back",
        "he was acting like a kid",
        "guy with tattoos all over, shaved head",
        "the punter had a scar on his hand",
        "he said his wife is pregnant",
        "he turned up with his son in the car",
        "he kept calling me baby",
        "he is 6ft 2 and 40 years old",
        "i dont have kids",
        "Ele tem um filho de 5 anos",
        "El tiene dos hijos y una esposa",
        "Facet miał tatuaż na szyi i fotelik dla dziecka z tyłu",
        "Той има две деца",
        "他说他有孩子",
        "เขามีลูกสองคน",
    ],
)
def test_a_word_about_him_is_his(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "o cara disse: sou brasileiro também, pode confiar",
        "a zis: sunt roman ca si tine",
        "powiedział: jestem Polakiem, nie bój się",
    ],
)
def test_a_man_saying_what_he_is_is_his(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("SW (F, 20s, Lithuanian) robbed on Friday", "(F, 20s, Lithuanian)"),
        ("Client: female, 40s, deaf, Bulgarian. Says he", "female, 40s, deaf, Bulgarian"),
        ("i'm a first year law student at the uni here", "first year law student"),
        ("she's a trainee hairdresser in town", "trainee hairdresser"),
        ("he knows me from the mosque where I pray", "the mosque where I pray"),
        ("mă cunoaște din biserica unde merg", "biserica unde merg"),
        ("i always walk my dog past there", "my dog"),
        ("หนูเป็นคนเดียวที่พูดภาษาจีนได้", "คนเดียวที่พูดภาษาจีนได้"),
    ],
)
def test_notes_of_who_she_is_what_she_does_and_where_she_goes_are_hers(
    text: str, detail: str
) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "punter (M, 40s, white) hit her",
        "he said he is a student at the uni",
        "he had a dog in the back of the car",
    ],
)
def test_notes_of_who_he_is_are_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "you'll know me, I'm the tall lass wi the red coat and boots",
            "the tall lass wi the red coat and boots",
        ),
        ("im the one who always has her dog with her", "the one who always has her dog with her"),
        ("sunt cea cu ochelari roșii", "cea cu ochelari roșii"),
        ("jestem ta z kolczykiem w nosie", "ta z kolczykiem w nosie"),
        ("am 47 de ani și lucrez singură", "am 47 de ani"),
        ("tenho 51 anos, sou a mais velha", "tenho 51 anos"),
        ("a karomon lévő pillangótetoválás miatt", "pillangótetoválás"),
    ],
)
def test_how_others_would_know_her_and_her_age_in_her_language(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    ["he was the one with the beard", "he's the one who rang last week", "el tiene 50 años"],
)
def test_the_one_with_said_of_him_is_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("sunt din Constanța și lucrez singură", "sunt din Constanța"),
        ("sou de Recife, trabalho sozinha", "sou de Recife"),
        ("Szegedről jöttem tavaly", "Szegedről jöttem"),
        ("我是从温州来的", "从温州来的"),
        ("I'm Polish, from Gdańsk, working in Hull", "from Gdańsk"),
        ("I'm the only Filipina lady there", "only Filipina"),
        ("i have to pick up my boy from Elmwood Primary at 3", "Elmwood Primary"),
    ],
)
def test_where_she_comes_from_the_few_of_her_kind_and_her_childs_school(
    text: str, detail: str
) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text", ["he said he is from Gdańsk", "he parked outside the primary school"]
)
def test_where_he_comes_from_and_a_school_as_a_landmark_are_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("She's a wee lass from Sligo, she's deaf", "a wee lass from Sligo"),
        ("Aoibh here, the Galway girl in Camden", "the Galway girl in Camden"),
        ("Ella es peruana y trabaja sola", "Ella es peruana"),
        ("she always wears a long red coat, so he'd know her", "she always wears a long red coat"),
        ("he'll know me, size 20 and blonde", "size 20"),
        ("I do Mondays and Fridays there", "I do Mondays and Fridays"),
        ("a walk with my two staffies every night", "my two staffies"),
        ("he's seen ma wee girl at the school gate", "ma wee girl"),
        ("grozi kościołowi św. Anny, gdzie chodzę co tydzień", "gdzie chodzę co tydzień"),
        ("estudio derecho por las tardes", "estudio derecho"),
    ],
)
def test_how_she_looks_what_she_wears_her_days_and_where_she_goes(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he always wears a cap",
        "Guy, 40s, always wearing a black leather jacket",
        "he kept calling me baby",
        "a luat o fata de pe strada",
    ],
)
def test_what_he_wears_and_words_of_his_are_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)
