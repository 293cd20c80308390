# Writes the site's service worker: web/sw.js with @HERREG_BUILD@ replaced by a hash of the
# site's files (every file in SITE_DIR but sw.js itself) and of the template, so that each build that changes
# anything the worker caches is a new worker to the browser, and @HERREG_DIGESTS@ by the
# SHA-256 of each script and of app.wasm, which the worker checks before it keeps them.
#   cmake -DSITE_DIR=<site> -DTEMPLATE=<web/sw.js> -DOUTPUT=<site/sw.js> -P offline_stamp.cmake
file(GLOB_RECURSE files RELATIVE "${SITE_DIR}" "${SITE_DIR}/*")
list(REMOVE_ITEM files "sw.js")
list(SORT files)
set(digests "")
set(code "")
foreach(f IN LISTS files)
  file(SHA256 "${SITE_DIR}/${f}" digest)
  string(APPEND digests "${f} ${digest}\n")
  if(f MATCHES "^[^/]+\\.(js|wasm)$")
    if(code)
      string(APPEND code ",\n            ")
    endif()
    string(APPEND code "\"${f}\": \"${digest}\"")
  endif()
endforeach()
# The worker's own code too: a release that changes only sw.js must get a cache of its own, or
# a failed install (which deletes its cache) would take the running worker's cache with it.
file(SHA256 "${TEMPLATE}" digest)
string(APPEND digests "sw.js (template) ${digest}\n")
string(SHA256 build "${digests}")
string(SUBSTRING "${build}" 0 16 build)
file(READ "${TEMPLATE}" text)
string(REPLACE "@HERREG_BUILD@" "${build}" text "${text}")
string(REPLACE "/*@HERREG_DIGESTS@*/" "${code}" text "${text}")
file(WRITE "${OUTPUT}" "${text}")
