#include "forms/form_document_json.h"

#include "input/json_input.h"

namespace herreg {
namespace {

const char* kind_name(DocBlock::Kind k) {
    switch (k) {
        case DocBlock::Kind::paragraph: return "paragraph";
        case DocBlock::Kind::note: return "note";
        case DocBlock::Kind::fields: return "fields";
        case DocBlock::Kind::answer: return "answer";
        case DocBlock::Kind::table: return "table";
        case DocBlock::Kind::checks: return "checks";
    }
    return "paragraph";
}

const char* status_name(CheckStatus s) {
    switch (s) {
        case CheckStatus::ok: return "ok";
        case CheckStatus::problem: return "problem";
        case CheckStatus::info: return "info";
    }
    return "info";
}

Json block_json(const DocBlock& b) {
    Json j = {{"kind", kind_name(b.kind)}, {"title", b.title}, {"text", b.text}};
    Json fields = Json::array();
    for (const DocField& f : b.fields) fields.push_back({f.label, f.value});
    j["fields"] = std::move(fields);
    const DocTable& t = b.table;
    j["table"] = {{"header", t.header}, {"widths", t.widths}, {"numeric", t.numeric},
                  {"rows", t.rows}, {"total", t.total}};
    Json checks = Json::array();
    for (const DocCheck& c : b.checks) checks.push_back({status_name(c.status), c.text, c.detail});
    j["checks"] = std::move(checks);
    return j;
}

// The reader: every member must be there with its type; `path` names it in the error.
const Json& member(const Json& obj, const char* key, const std::string& path) {
    require_object(obj, path);
    const Json* v = find_member(obj, key);
    if (v == nullptr) throw InputError(path_join(path, key), Message{"json.missing"});
    return *v;
}

const Json& array_of(const Json& obj, const char* key, const std::string& path) {
    const Json& v = member(obj, key, path);
    require_array(v, path_join(path, key));
    return v;
}

std::string string_at(const Json& arr, size_t i, const std::string& path) {
    require_array(arr, path);
    if (i >= arr.size()) throw InputError(path_index(path, i), Message{"json.missing"});
    if (!arr[i].is_string()) throw InputError(path_index(path, i), Message{"json.expected_text", {json_type_name(arr[i])}});
    return arr[i].get<std::string>();
}

// A fixed word (a block's kind, a check's status): another is wrong, named by its value.
[[noreturn]] void unknown_word(const Json& v, const std::string& path, const char* known) {
    throw InputError(path, Message{"document.unknown_value", {quote_value(v), std::string(known)}});
}

std::vector<std::string> strings(const Json& obj, const char* key, const std::string& path) {
    const Json& arr = array_of(obj, key, path);
    const std::string at = path_join(path, key);
    std::vector<std::string> out;
    for (size_t i = 0; i < arr.size(); ++i) out.push_back(string_at(arr, i, at));
    return out;
}

DocBlock read_block(const Json& j, const std::string& path) {
    DocBlock b;
    const std::string kind = get_string(j, "kind", path);
    bool known = false;
    for (DocBlock::Kind k : {DocBlock::Kind::paragraph, DocBlock::Kind::note, DocBlock::Kind::fields,
                             DocBlock::Kind::answer, DocBlock::Kind::table, DocBlock::Kind::checks})
        if (kind == kind_name(k)) b.kind = k, known = true;
    if (!known) unknown_word(j["kind"], path_join(path, "kind"), "paragraph, note, fields, answer, table, checks");
    b.title = get_string(j, "title", path);
    b.text = get_string(j, "text", path);
    const Json& fields = array_of(j, "fields", path);
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string at = path_index(path_join(path, "fields"), i);
        b.fields.push_back({string_at(fields[i], 0, at), string_at(fields[i], 1, at)});
    }
    const Json& t = member(j, "table", path);
    const std::string tp = path_join(path, "table");
    b.table.header = strings(t, "header", tp);
    b.table.total = strings(t, "total", tp);
    const Json& widths = array_of(t, "widths", tp);
    for (size_t i = 0; i < widths.size(); ++i) {
        b.table.widths.push_back(as_number(widths[i], path_index(path_join(tp, "widths"), i), 0.0, 1e6));
    }
    const Json& numeric = array_of(t, "numeric", tp);
    for (size_t i = 0; i < numeric.size(); ++i) {
        if (!numeric[i].is_boolean())
            throw InputError(path_index(path_join(tp, "numeric"), i), Message{"json.expected_bool", {json_type_name(numeric[i])}});
        b.table.numeric.push_back(numeric[i].get<bool>());
    }
    const Json& rows = array_of(t, "rows", tp);
    for (size_t r = 0; r < rows.size(); ++r) {
        const std::string at = path_index(path_join(tp, "rows"), r);
        require_array(rows[r], at);
        std::vector<std::string> row;
        for (size_t i = 0; i < rows[r].size(); ++i) row.push_back(string_at(rows[r], i, at));
        b.table.rows.push_back(std::move(row));
    }
    const Json& checks = array_of(j, "checks", path);
    for (size_t i = 0; i < checks.size(); ++i) {
        const std::string at = path_index(path_join(path, "checks"), i);
        DocCheck c;
        const std::string status = string_at(checks[i], 0, at);
        if (status == "ok") c.status = CheckStatus::ok;
        else if (status == "problem") c.status = CheckStatus::problem;
        else if (status == "info") c.status = CheckStatus::info;
        else unknown_word(checks[i][0], path_index(at, 0), "ok, problem, info");
        c.text = string_at(checks[i], 1, at);
        c.detail = string_at(checks[i], 2, at);
        b.checks.push_back(std::move(c));
    }
    return b;
}

}  // namespace

std::string form_document_to_json(const FormDocument& doc) {
    Json j = {{"lang", doc.lang},         {"title", doc.title},     {"subtitle", doc.subtitle},
              {"footer", doc.footer},     {"page_of", doc.page_of}, {"empty_answer", doc.empty_answer},
              {"file_stem", doc.file_stem}, {"created", to_iso(doc.created)}};
    Json sections = Json::array();
    for (const DocSection& s : doc.sections) {
        Json blocks = Json::array();
        for (const DocBlock& b : s.blocks) blocks.push_back(block_json(b));
        sections.push_back({{"title", s.title}, {"blocks", std::move(blocks)}});
    }
    j["sections"] = std::move(sections);
    // Text that is not UTF-8 (an old file read as Windows-1252 is converted, but be sure) is
    // written with U+FFFD in its place rather than refused: the PDF is still made.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

FormDocument form_document_from_json(std::string_view text) {
    const Json j = parse_json_document(text, "document");
    require_object(j, "");
    FormDocument doc;
    doc.lang = get_string(j, "lang", "");
    doc.title = get_string(j, "title", "");
    doc.subtitle = get_string(j, "subtitle", "");
    doc.footer = get_string(j, "footer", "");
    doc.page_of = get_string(j, "page_of", "");
    doc.empty_answer = get_string(j, "empty_answer", "");
    doc.file_stem = get_string(j, "file_stem", "");
    doc.created = get_date(j, "created", "");
    const Json& sections = array_of(j, "sections", "");
    for (size_t i = 0; i < sections.size(); ++i) {
        const std::string at = path_index("sections", i);
        DocSection s;
        s.title = get_string(sections[i], "title", at);
        const Json& blocks = array_of(sections[i], "blocks", at);
        for (size_t k = 0; k < blocks.size(); ++k) s.blocks.push_back(read_block(blocks[k], path_index(path_join(at, "blocks"), k)));
        doc.sections.push_back(std::move(s));
    }
    return doc;
}

}  // namespace herreg
