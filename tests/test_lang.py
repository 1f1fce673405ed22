"""Language identification: scripts, stopwords, and bounded cost."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanpage._lang import SAMPLE_CHARS, detect_language

SAMPLES = {
    "zh": "人工智能基础设施建设的巨大资本需求,正通过一个日益庞大的债务市场与全球金融系统深度绑定。",
    "ja": "日本銀行は金融政策決定会合で、短期金利の誘導目標を据え置くことを決めた。円安が進む。",
    "ko": "한국은행은 기준금리를 동결했다고 밝혔다. 시장에서는 금리 인하 기대가 커지고 있다.",
    "ru": "Центральный банк сохранил ключевую ставку, сообщили в пресс-службе регулятора.",
    "uk": (
        "Національний банк України зберіг облікову ставку, "
        "повідомили в регуляторі. Її рішення очікували."
    ),
    "ar": "قرر البنك المركزي الإبقاء على أسعار الفائدة دون تغيير في اجتماعه الأخير هذا الأسبوع.",
    "fa": "بانک مرکزی ایران نرخ سود را تغییر نداد و گفت که بازار ارز در هفته گذشته آرام بود.",
    "ur": "مرکزی بینک نے شرح سود میں کوئی تبدیلی نہیں کی اور کہا کہ مہنگائی کم ہو رہی ہے۔",
    "hi": ("भारतीय रिज़र्व बैंक ने नीतिगत दरों में कोई बदलाव नहीं किया है और मुद्रास्फीति पर नज़र रखी है।"),
    "en": (
        "The central bank left interest rates unchanged on "
        "Tuesday, saying that inflation was easing."
    ),
    "de": (
        "Die Zentralbank hat die Zinsen nicht verändert, weil die Inflation in der Eurozone sinkt."
    ),
    "fr": (
        "La banque centrale a laissé les taux inchangés, car "
        "l'inflation est en baisse dans la zone euro."
    ),
    "es": (
        "El banco central mantuvo las tasas sin cambios, ya que la "
        "inflación se está moderando en la región."
    ),
    "pt": (
        "O banco central manteve as taxas de juros, pois a "
        "inflação está a cair e o mercado não reagiu."
    ),
    "it": (
        "La banca centrale ha lasciato i tassi invariati, perché "
        "l'inflazione è in calo nella zona euro."
    ),
    "id": (
        "Bank sentral mempertahankan suku bunga karena inflasi "
        "sudah mulai turun dan pasar tidak bereaksi."
    ),
    "tr": (
        "Merkez bankası faiz oranlarını değiştirmedi ve enflasyonun düşmeye başladığını "
        "açıkladı, ancak piyasa bu karar için çok daha fazlasını bekliyordu."
    ),
    "vi": (
        "Ngân hàng trung ương giữ nguyên lãi suất và cho biết "
        "lạm phát đã bắt đầu giảm trong năm nay."
    ),
    "pl": (
        "Bank centralny nie zmienił stóp procentowych, ponieważ "
        "inflacja jest już niższa i rynek się uspokoił."
    ),
}


@pytest.mark.parametrize(("lang", "text"), sorted(SAMPLES.items()))
def test_samples(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_a_few_kana_in_a_short_text_are_japanese() -> None:
    assert detect_language("中日平和友好条約締結45周年記念集会が東京で開催") == "ja"
    assert detect_language("我の家是最好的地方，欢迎大家来玩") == "zh"  # a borrowed "の"


def test_chinese_page_with_english_terms_is_chinese() -> None:
    text = "比特币 ETF 资金流入创新高,BlackRock 的 IBIT 单日净流入 5 亿美元,市场情绪回暖。"
    assert detect_language(text) == "zh"


@pytest.mark.parametrize("text", ["", "   ", "12345 67.89 %", "OK", "$BTC"])
def test_too_little_to_tell(text: str) -> None:
    assert detect_language(text) is None


def test_only_a_sample_is_read() -> None:
    english = SAMPLES["en"] * (SAMPLE_CHARS // len(SAMPLES["en"]) + 1)
    assert detect_language(english + SAMPLES["zh"] * 1000) == "en"


def test_cost_is_bounded_on_huge_text() -> None:
    text = SAMPLES["de"] * 200_000
    started = time.perf_counter()
    assert detect_language(text) == "de"
    assert time.perf_counter() - started < 0.5


@given(st.text(max_size=500))
def test_any_text_gives_a_tag_or_none(text: str) -> None:
    lang = detect_language(text)
    assert lang is None or (lang.isalpha() and lang.islower() and 2 <= len(lang) <= 3)


@given(st.sampled_from(sorted(SAMPLES)), st.text(alphabet="0123456789 .,:%$-", max_size=40))
def test_digits_and_punctuation_do_not_change_the_answer(lang: str, noise: str) -> None:
    assert detect_language(noise + SAMPLES[lang] + noise) == lang
