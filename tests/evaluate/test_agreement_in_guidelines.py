"""The agreement figures in the guidelines are the ones the agreement command computes now."""

from pipeline.evaluate import agreement
from tests.conftest import ROOT


def test_guidelines_carry_the_current_agreement_tables():
    guidelines = ROOT / "annotations" / "GUIDELINES.md"
    table = agreement.report()
    assert "| ann-a / ann-b | stance |" in table
    assert agreement.embed(guidelines, table) == guidelines.read_text(encoding="utf-8")
