# kernel/fs/path.c: path components and canonical absolute paths.
TESTS += fs_path
fs_path_SRCS := kernel/fs/path.c tools/testing/test_fs_path.c
