import pytest
from hypothesis import given
from hypothesis import strategies as st

from sightline.people.identifiers import nhs_number_is_valid, upn_check_letter, upn_is_valid


@pytest.mark.parametrize("number", [
    # 943 476 5919: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11-2 = 9 = last digit.
    "9434765919",
    "943 476 5919",
])
def test_valid_nhs_numbers_pass(number):
    assert nhs_number_is_valid(number)


@pytest.mark.parametrize("number", [
    "9434765918",   # check digit should be 9
    "943476591",    # nine digits
    "94347659190",  # eleven digits
    "94347659AB",   # letters
    "",
])
def test_invalid_nhs_numbers_fail(number):
    assert not nhs_number_is_valid(number)


def test_nhs_number_whose_check_would_be_ten_is_never_valid():
    # 000 000 001x: 1*2 = 2; 2 mod 11 = 2; 11-2 = 9 -> 0000000019 is valid.
    assert nhs_number_is_valid("0000000019")
    # 100 000 000x: 1*10 = 10; 10 mod 11 = 10; 11-10 = 1 -> valid with 1, never with 0.
    assert nhs_number_is_valid("1000000001")
    # 100 000 001x: weights 10 and 2 give 12; 12 mod 11 = 1; 11-1 = 10, which no digit can be.
    assert not any(nhs_number_is_valid(f"100000001{d}") for d in "0123456789")


def test_upn_check_letter_known_value():
    # Body 201 2345 67 890 -> weights 2..13: 2*2+0*3+1*4+2*5+3*6+4*7+5*8+6*9+7*10+8*11+9*12+0*13
    # = 4+0+4+10+18+28+40+54+70+88+108+0 = 424; 424 mod 23 = 424-414 = 10 -> letters[10] = "L".
    assert upn_check_letter("201234567890") == "L"
    assert upn_is_valid("L201234567890")
    assert not upn_is_valid("A201234567890")


def test_temporary_upn_ending_in_a_letter():
    # Body 201 2345 67 89A: as above but last char A=0 at weight 13 and 9*12 -> 424 - 0 = 424 -> "L".
    assert upn_is_valid("L20123456789A")
    # I is not a UPN letter at all.
    assert not upn_is_valid("L20123456789I")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_upn_body_has_exactly_one_valid_check_letter(body):
    assert sum(upn_is_valid(letter + body) for letter in "ABCDEFGHJKLMNPQRTUVWXYZ") == 1
