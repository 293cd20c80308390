#include "ui/strings.h"

#include <cctype>

namespace herreg::ui {
namespace {

constexpr Strings kDutch{
    .code = "nl",
    .language_name = "Nederlands",
    .subtitle = "Herregistratiecheck voor kwaliteitsregisters in de zorg",
    .tagline = "Bereken in een paar minuten of je voldoet aan de eisen voor herregistratie "
               "in je kwaliteitsregister.",
    .how_title = "Zo werkt het",
    .steps = {"Kies je register en beroep, bijvoorbeeld diëtist of oefentherapeut.",
              "Vul je werkervaring en deskundigheidsbevordering in.",
              "Zie per eis of je voldoet, met een toelichting."},
    .start_button = "Beginnen  →",
    .start_note = "De vragenlijst volgt in een volgende versie.",
    .promises = {"Alles wordt in je browser berekend: er worden geen gegevens verstuurd.",
                 "Werkt zonder account en zonder cookies."},
    .disclaimer = "Dit is een indicatie: aan de uitkomst kunnen geen rechten worden ontleend.",
};

constexpr Strings kEnglish{
    .code = "en",
    .language_name = "English",
    .subtitle = "Re-registration check for Dutch healthcare quality registers",
    .tagline = "Find out in a few minutes whether you meet the re-registration requirements "
               "of your quality register.",
    .how_title = "How it works",
    .steps = {"Choose your register and profession, for example dietitian or exercise therapist.",
              "Enter your work experience and continuing education.",
              "See for each requirement whether you meet it, with an explanation."},
    .start_button = "Start  →",
    .start_note = "The questionnaire arrives in a later version.",
    .promises = {"Everything is calculated in your browser: no data is sent anywhere.",
                 "Works without an account and without cookies."},
    .disclaimer = "This is an indication: no rights can be derived from the result.",
};

}  // namespace

const Strings& strings(Lang lang) {
    return lang == Lang::en ? kEnglish : kDutch;
}

Lang parse_lang(std::string_view code, Lang fallback) {
    if (code.size() < 2) return fallback;
    if (code.size() > 2 && code[2] != '-' && code[2] != '_') return fallback;
    const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(code[0])));
    const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(code[1])));
    if (a == 'n' && b == 'l') return Lang::nl;
    if (a == 'e' && b == 'n') return Lang::en;
    return fallback;
}

}  // namespace herreg::ui
