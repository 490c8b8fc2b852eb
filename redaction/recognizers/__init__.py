"""Every recognizer the pipeline runs, in one list (a test checks it against the files in this folder)."""

from __future__ import annotations

from redaction.recognizer import Recognizer
from redaction.recognizers.address_cue import AddressCueRecognizer
from redaction.recognizers.bank_account import BankAccountRecognizer
from redaction.recognizers.card_number import CardNumberRecognizer
from redaction.recognizers.continental_address import ContinentalAddressRecognizer
from redaction.recognizers.date_of_birth import DateOfBirthRecognizer
from redaction.recognizers.driving_licence import DrivingLicenceRecognizer
from redaction.recognizers.email import EmailRecognizer
from redaction.recognizers.handle import HandleRecognizer
from redaction.recognizers.ip_address import IpAddressRecognizer
from redaction.recognizers.journey_place import JourneyPlaceRecognizer
from redaction.recognizers.long_number import LongNumberRecognizer
from redaction.recognizers.model_entity import ModelEntityRecognizer
from redaction.recognizers.name_position import NamePositionRecognizer
from redaction.recognizers.nhs_number import NhsNumberRecognizer
from redaction.recognizers.ni_number import NiNumberRecognizer
from redaction.recognizers.organisation import OrganisationRecognizer
from redaction.recognizers.person_name import PersonNameRecognizer
from redaction.recognizers.phone import PhoneRecognizer
from redaction.recognizers.postcode import PostcodeRecognizer
from redaction.recognizers.reference_number import ReferenceNumberRecognizer
from redaction.recognizers.uk_address import UkAddressRecognizer
from redaction.recognizers.url import UrlRecognizer
from redaction.recognizers.vehicle_registration import VehicleRegistrationRecognizer

RECOGNIZERS: tuple[type[Recognizer], ...] = (
    EmailRecognizer,
    UrlRecognizer,
    HandleRecognizer,
    PhoneRecognizer,
    PostcodeRecognizer,
    NhsNumberRecognizer,
    NiNumberRecognizer,
    DateOfBirthRecognizer,
    VehicleRegistrationRecognizer,
    ReferenceNumberRecognizer,
    DrivingLicenceRecognizer,
    CardNumberRecognizer,
    BankAccountRecognizer,
    IpAddressRecognizer,
    LongNumberRecognizer,
    UkAddressRecognizer,
    AddressCueRecognizer,
    ContinentalAddressRecognizer,
    JourneyPlaceRecognizer,
    OrganisationRecognizer,
    PersonNameRecognizer,
    NamePositionRecognizer,
    ModelEntityRecognizer,
)

__all__ = ["RECOGNIZERS"]
