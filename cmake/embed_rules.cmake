# Writes OUT: a C++ file returning every DIR/*.json as a RulesFile.
# Runs as a script (cmake -P) at build time.
file(GLOB files "${DIR}/*.json")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" text)
  string(APPEND body "        {\"${name}\", R\"herreg_rules(${text})herreg_rules\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from rules/*.json by cmake/embed_rules.cmake. Do not edit.\n#include \"rules/embedded_rules.h\"\n\nnamespace herreg {\n\nconst std::vector<RulesFile>& embedded_rules_files() {\n    static const std::vector<RulesFile> files = {\n${body}    };\n    return files;\n}\n\n}  // namespace herreg\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
