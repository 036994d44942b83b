# SPDX-License-Identifier: GPL-3.0-or-later
# CPack's settings for the Debian package. Two flavours, by the LibTorch the build uses:
#   i3-studio       Debian's LibTorch (libtorch-dev, CPU): every dependency is a Debian package
#                   that dpkg-shlibdeps finds, and OpenBLAS's OpenMP build does the CPU's algebra.
#   i3-studio-cuda  a CUDA LibTorch (e.g. the one inside a PyTorch install): it is no Debian
#                   package, so the programs find it where it was at build time (RUNPATH), and the
#                   NVIDIA driver must be installed; it replaces i3-studio.
# docs/packaging.md has the commands and what each flavour depends on.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VENDOR "i3 Studio developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "train, run and convert i3 hybrid language models")
set(CPACK_PACKAGE_DESCRIPTION
    "i3 models are small hybrid language models: RWKV-Mamba recurrent blocks
followed by full-attention blocks. This package trains them from scratch or
fine-tunes the published ones, generates text, evaluates, and converts weights
between pytorch_model.bin and model.safetensors, compatible with the Python
reference and the Hugging Face Hub.

i3lm is the command line, for scripts and GPU servers. i3-studio is the desktop
studio: pick data, set hyperparameters, watch loss, perplexity and device
memory live, probe memory against the context window, and play with a model
in a sampling playground. Both keep their runs in one workspace, and runs
export to TensorBoard.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${I3_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${I3_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Stripped programs; where the build has debug information, it goes into i3-studio-dbgsym.
set(CPACK_STRIP_FILES ON)
if(CMAKE_BUILD_TYPE MATCHES "^(RelWithDebInfo|Debug)$")
    set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
endif()
if(I3_GUI)
    # Qt's own dialogs (file choosers, buttons) in the studio's languages.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
endif()

if(NOT I3_WITH_CUDA)
    set(CPACK_DEBIAN_PACKAGE_NAME i3-studio)
    # Debian's LibTorch calls whichever BLAS provides libblas.so.3, and recommends OpenBLAS's
    # pthread build; the OpenMP build is several times faster for our matrix products. As a
    # dependency, apt installs it before weighing libtorch's recommendation, which it then meets.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp")
else()
    set(CPACK_DEBIAN_PACKAGE_NAME i3-studio-cuda)
    set(CPACK_DEBIAN_PACKAGE_PROVIDES i3-studio)
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS i3-studio)
    set(CPACK_DEBIAN_PACKAGE_REPLACES i3-studio)
    set(torch_libraries ${TORCH_INSTALL_PREFIX}/lib)
    set_target_properties(i3lm-engine PROPERTIES INSTALL_RPATH ${torch_libraries})
    if(I3_GUI)
        set_target_properties(i3-studio PROPERTIES INSTALL_RPATH ${torch_libraries})
    endif()
    # dpkg-shlibdeps looks there for LibTorch's and CUDA's libraries; the Debian packages that
    # the rest comes from become the dependencies.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${torch_libraries})
    string(APPEND CPACK_PACKAGE_DESCRIPTION "

This build uses the CUDA LibTorch in ${TORCH_INSTALL_PREFIX},
which must stay there, and NVIDIA's driver.")
endif()
