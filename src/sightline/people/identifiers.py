"""Check digits of the national identifiers, so a mistyped number is refused at the door."""

import re

from django.core.exceptions import ValidationError

# DfE "Unique pupil numbers (UPN)" guidance: the check letter is chosen from these 23 letters
# (no I, O or S) by the weighted sum of characters 2 to 13 modulo 23.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN_PATTERN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")


def nhs_number_is_valid(value: str) -> bool:
    """Modulus 11: weights 10 down to 2 over the first nine digits; 11 - remainder is the tenth."""
    digits = value.replace(" ", "")
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def upn_check_letter(body: str) -> str:
    """The check letter for the twelve characters after it (a temporary UPN ends in a letter)."""
    total = 0
    for weight, char in zip(range(2, 14), body):
        total += weight * (int(char) if char.isdigit() else UPN_LETTERS.index(char))
    return UPN_LETTERS[total % 23]


def upn_is_valid(value: str) -> bool:
    value = value.upper()
    if not UPN_PATTERN.match(value) or (value[-1].isalpha() and value[-1] not in UPN_LETTERS):
        return False
    return upn_check_letter(value[1:]) == value[0]


def validate_nhs_number(value: str) -> None:
    if not nhs_number_is_valid(value):
        raise ValidationError("Enter a real NHS number: 10 digits whose last digit is the modulus 11 check digit.",
                              code="nhs_number")


def validate_upn(value: str) -> None:
    if not upn_is_valid(value):
        raise ValidationError("Enter a real UPN: a check letter, then 11 digits, then a digit or letter, "
                              "with a check letter that matches.", code="upn")
