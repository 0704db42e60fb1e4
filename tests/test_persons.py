"""extract_persons: officials and other people, every mention, in both scripts."""

from __future__ import annotations

import pytest

import newsnlp as nn

SIMPLIFIED = (
    "党和国家领导人江泽民、李鹏、乔石出席晚会。江主席在讲话中指出，要团结奋斗。"
    "市长张永宁主持会议。农民李大勇说，今年收成好。李大勇家有五口人。韩女士也来了。"
)


def _table(persons: tuple[nn.Person, ...]) -> list[tuple[str, list[str], bool]]:
    return [
        (person.name, [mention.text for mention in person.mentions], person.official) for person in persons
    ]


def test_people_with_and_without_posts_and_every_mention() -> None:
    assert _table(nn.extract_persons(SIMPLIFIED)) == [
        ("江泽民", ["江泽民", "江"], False),  # 江主席: the surname is the mention
        ("李鹏", ["李鹏"], False),  # dictionary names confirmed by the list they stand in
        ("乔石", ["乔石"], False),
        ("张永宁", ["张永宁"], True),
        ("李大勇", ["李大勇", "李大勇"], False),
        ("韩", ["韩"], False),  # 韩女士: no full name to link it to
    ]


def test_traditional_text_gives_the_same_people_in_its_own_script() -> None:
    traditional = nn.normalize(SIMPLIFIED, target="traditional").text
    persons = nn.extract_persons(traditional)
    simplified = nn.extract_persons(SIMPLIFIED)
    assert [person.key for person in persons] == [person.key for person in simplified]
    assert [person.name for person in persons][:4] == ["江澤民", "李鵬", "喬石", "張永寧"]


def test_every_mention_slices_the_original() -> None:
    article = nn.analyze("标题\n" + SIMPLIFIED)
    for person in nn.extract_persons(article):
        for mention in person.mentions:
            assert article.raw[mention.raw_start : mention.raw_end] == mention.text
            if mention.start is not None:
                assert article.text[mention.start : mention.end] == nn.normalize(mention.text).text


def test_a_name_cut_short_by_the_segmentation_is_not_a_second_person() -> None:
    text = "市委书记梁伟新出席。梁伟新指出，要抓落实。梁伟新强调，要加油干。"
    assert [person.name for person in nn.extract_persons(text)] == ["梁伟新"]


def test_the_sample_article_names_its_officials_and_staff_and_nobody_else(sample_article: nn.Article) -> None:
    persons = nn.extract_persons(sample_article)
    officials = nn.extract_officials(sample_article)
    assert [person.key for person in persons] == [official.key for official in officials]
    assert all(person.official for person in persons)


@pytest.mark.parametrize(
    "text",
    [
        "文明城市建设让阳光照进每个家庭，祝贺大家。",  # words jieba's dictionary tags as names
        "落实好各级惠企政策，推动公正监管。",
        "今年全市经济运行总体平稳。",
    ],
)
def test_texts_without_people(text: str) -> None:
    assert nn.extract_persons(text) == ()


def test_bad_input() -> None:
    with pytest.raises(nn.InputError):
        nn.extract_persons(None)  # type: ignore[arg-type]
    with pytest.raises(nn.InputError):
        nn.extract_persons("   ")


def test_to_dict_gives_plain_values() -> None:
    person = nn.extract_persons("农民李大勇说，今年收成好。")[0]
    assert person.to_dict()["key"] == "李大勇"
    assert person.to_dict()["mentions"][0]["text"] == "李大勇"


def test_names_joined_by_a_middle_dot_are_one_person_and_their_parts_link_to_it() -> None:
    text = "伊拉克议长萨阿东·哈马迪率领代表团访华。哈马迪说，两国友谊深厚。司马义·艾买提会见了他。"
    persons = nn.extract_persons(text)
    assert [(person.name, [mention.text for mention in person.mentions]) for person in persons] == [
        ("萨阿东·哈马迪", ["萨阿东·哈马迪", "哈马迪"]),
        ("司马义·艾买提", ["司马义·艾买提"]),
    ]
