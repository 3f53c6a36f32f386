# Turns schema.sql into a C source holding it as one NUL-terminated string, so the programs carry
# the exact schema they build and accept. Run as a build step (cmake -P) so an edit of the .sql
# rebuilds the library. Bytes are written as hex so no character of the SQL needs escaping.
#   cmake -DINPUT=schema.sql -DOUTPUT=pack_schema_sql.c -P embed_sql.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n    "
       bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
     "/* Generated from firmware/content/schema.sql by embed_sql.cmake; do not edit. */\n"
     "#include \"pack_schema.h\"\n\n"
     "const char pack_schema_sql[] = {\n    ${bytes}0x00};\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
