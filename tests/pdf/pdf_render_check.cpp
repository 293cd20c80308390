// Renders a synthetic FormDocument that uses every block kind and the awkward cases
// (long words, a table over several pages, diacritics, PDF-special characters) to the
// file named on the command line. check_pdf.sh inspects the result with poppler.
//
//   pdf_render_check OUT.pdf          the form
//   pdf_render_check --bad-font       render with a broken font: must throw, not abort
#include "embedded_fonts.h"
#include "pdf_form.h"
#include "text_lines.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

using namespace herreg;

namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

FormDocument synthetic_document() {
    FormDocument doc;
    doc.lang = "nl";
    doc.title = "Aanvraag dispensatieregeling";
    doc.subtitle = "Kwaliteitsregister Paramedici \u00b7 Anna \u0160ahin";
    doc.footer = "herreg \u2013 berekening van 22-11-2026; controleer de gegevens v\u00f3\u00f3r het indienen";
    doc.page_of = "Pagina {} van {}";
    doc.empty_answer = "(niet ingevuld)";
    doc.file_stem = "aanvraag-dispensatie-2026-11-22";
    doc.created = Date{2026, 11, 22};

    DocSection personal{"1. Persoonsgegevens", {}};
    DocBlock fields;
    fields.kind = DocBlock::Kind::fields;
    fields.fields = {
        {"Naam", "Anna \u0160ahin \u2013 caf\u00e9 \u2018x\u2019 \u20ac \u0133 \u2713 \u2717"},
        {"Registratienummer", "12345678901"},
        {"Beroep", "Fysiotherapeut (algemeen) \\ 100% praktijk"},
        {"Adres", "Ĳsselmeerstraat 12\nŁódź-laan 3, 1234 AB Zwolle"},
        {"Een label dat zo lang is dat het over twee regels moet", "Waarde naast een lang label."},
        {"Leeg veld", ""},
    };
    personal.blocks.push_back(fields);
    DocBlock intro;
    intro.title = "Toelichting";
    intro.text =
        "Met dit formulier vraagt u dispensatie aan omdat u in de afgelopen periode niet aan de "
        "urennorm hebt voldaan. De berekening hieronder is gemaakt op basis van de gegevens die u "
        "hebt ingevoerd (inclusief gewerkte uren, scholing en perioden van afwezigheid) en volgt de "
        "regels van het register zoals die op de peildatum golden. Controleer alles zorgvuldig: "
        "\u201cje\u201d en \u201cu\u201d, \u00e9\u00e9n of twee\u2026 het register beoordeelt de aanvraag.\n"
        "Een tweede alinea met een heel lang woord: "
        "Arbeidsongeschiktheidsverzekeringsmaatschappijvertegenwoordigersbijeenkomstennotulen"
        "vergaderingsvoorbereidingscommissieleden en een url "
        "https://www.kwaliteitsregister.nl/registratie/herregistratie/dispensatie?jaar=2026&id=abc(1)%20\\x.";
    personal.blocks.push_back(intro);
    DocBlock note;
    note.kind = DocBlock::Kind::note;
    note.text = "Bron: Reglement herregistratie, artikel 4.2 (versie 2025). Dit is een hulpmiddel; "
                "aan de uitkomst kunnen geen rechten worden ontleend. Percentages: 50% en 100% (niet 150%).";
    personal.blocks.push_back(note);
    doc.sections.push_back(personal);

    DocSection hours{"2. Gewerkte uren", {}};
    DocBlock table;
    table.kind = DocBlock::Kind::table;
    table.title = "Uren per periode";
    table.table.header = {"Periode", "Werkgever / praktijk", "Uren", "Deeltijd"};
    table.table.widths = {1.3, 3, 0.8, 0.9};
    table.table.numeric = {false, false, true, true};
    for (int i = 1; i <= 60; ++i) {
        const int month = (i - 1) % 12 + 1, year = 2021 + (i - 1) / 12;
        std::string where = i % 7 == 0 ? "Fysiotherapie De Linde (waarneming), met een lange naam die over twee regels loopt"
                                       : "Praktijk \u0160ahin & co";
        table.table.rows.push_back({"01-" + two_digits(month) + "-" + std::to_string(year), where,
                                    std::to_string(100 + i), std::to_string(40 + i % 50) + "%"});
    }
    table.table.rows.back()[1] = "Laatste rij: Fysio \u00d6zt\u00fcrk";
    table.table.total = {"Totaal", "", "9.030", ""};
    hours.blocks.push_back(table);
    doc.sections.push_back(hours);

    DocSection questions{"3. Vragen", {}};
    DocBlock q1;
    q1.kind = DocBlock::Kind::answer;
    q1.title = "Waarom heeft u niet aan de urennorm kunnen voldoen?";
    q1.text = "Door langdurige ziekte (2023) en zorg voor een familielid.\nSinds 2024 werk ik weer 24 uur per week.";
    questions.blocks.push_back(q1);
    DocBlock q2;
    q2.kind = DocBlock::Kind::answer;
    q2.title = "Welke scholing heeft u gevolgd?";
    questions.blocks.push_back(q2);
    doc.sections.push_back(questions);

    DocSection checks{"4. Controle", {}};
    DocBlock c;
    c.kind = DocBlock::Kind::checks;
    c.checks = {
        {CheckStatus::ok, "Registratienummer ingevuld", ""},
        {CheckStatus::problem, "Te weinig uren in de referentieperiode (2.030 van 4.160)",
         "Vraag dispensatie aan of vul de uren aan v\u00f3\u00f3r 22-11-2026; de uitleg staat in paragraaf 4.2."},
        {CheckStatus::info, "Scholing telt niet mee voor de urennorm", "Ter informatie."},
    };
    checks.blocks.push_back(c);
    doc.sections.push_back(checks);
    return doc;
}

// Issue 21 #2: a draft of 65,000-character words took seconds per field, because cutting a
// word too long for a line measured every prefix again. Counted, not timed: the measure calls
// must grow with the text (a few per character), and the pieces must still be right.
int check_wrapping() {
    std::size_t calls = 0;
    const pdf::MeasureFn measure = [&calls](std::string_view s) {
        ++calls;
        double w = 0;   // 1 per character, 2 for a multi-byte one: widths add up, like libharu's
        for (std::size_t i = 0; i < s.size();) w += utf8_next(s, i) < 0x80 ? 1.0 : 2.0;
        return w;
    };
    std::string word;
    std::size_t characters = 0;
    for (int i = 0; i < 65000; ++i, ++characters) word += i % 10 == 9 ? "\u00e9" : "x";
    int failures = 0;
    const auto fail = [&failures](const char* what) {
        std::fprintf(stderr, "wrapping: %s\n", what);
        ++failures;
    };
    const std::vector<std::string> lines = pdf::wrap_paragraph("begin " + word + " eind", 60, measure, 0);
    std::string joined;
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) joined += lines[i];
    if (lines.size() < 3 || lines.front() != "begin") fail("the word before the long one is not on its own line");
    if (lines.size() >= 2 && lines.back().size() < 4) fail("the last line is too short");
    for (const std::string& l : lines)
        if (measure(l) > 60) fail("a line is wider than the width");
    if (lines.size() >= 2 && joined + lines.back() != word + " eind") fail("the pieces do not join up to the word and the one after it");
    calls = 0;
    pdf::wrap_paragraph(word, 60, measure, 0);
    if (calls > 3 * characters) {
        std::fprintf(stderr, "wrapping: %zu measure calls for %zu characters\n", calls, characters);
        ++failures;
    }
    calls = 0;
    const std::string cut = pdf::fit_with_ellipsis(word, 100, measure);
    if (measure(cut) > 100 || cut.size() < 90 || cut.rfind("\u2026") != cut.size() - 3) fail("fit_with_ellipsis: wrong cut");
    if (calls > 3 * characters) {
        std::fprintf(stderr, "fit_with_ellipsis: %zu measure calls for %zu characters\n", calls, characters);
        ++failures;
    }
    if (failures == 0) std::printf("a %zu-character word: %zu lines, measured a few times a character\n", characters, lines.size());
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: pdf_render_check OUT.pdf | --bad-font | --wrap\n");
        return 2;
    }
    const std::string arg = argv[1];
    if (arg == "--wrap") return check_wrapping();
    if (arg == "--bad-font") {
        try {
            pdf::Fonts broken = pdf::embedded_fonts();
            broken.bold = broken.bold.substr(0, 100);   // a truncated file
            pdf::render_pdf(synthetic_document(), broken);
        } catch (const std::runtime_error& e) {
            std::printf("%s\n", e.what());
            return 0;
        }
        std::fprintf(stderr, "a broken font did not raise an error\n");
        return 1;
    }
    try {
        const std::string bytes = pdf::render_pdf(synthetic_document(), pdf::embedded_fonts());
        std::ofstream out(arg, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write " + arg);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pdf_render_check: %s\n", e.what());
        return 1;
    }
    return 0;
}
