# Every target creates .venv and installs the project from pyproject.toml first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SYSDEPS := $(VENV)/.sysdeps-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-core bench screenshot sysdeps window-deps translations translations-update clean

# The Qt-free core and store, tested in an environment with no Qt at all.
CORE_VENV := .venv-core
CORE_PY   := $(CORE_VENV)/bin/python
CORE_STAMP := $(CORE_VENV)/.installed-stamp

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# Debian packages for a real X window (xcb plugin) and the Xvfb test, and PostgreSQL's server
# for the store's tests (started by the tests in a private folder, never as a system service);
# skipped when not root.
# The libraries Qt's xcb platform plugin loads that a minimal Debian lacks.
XCB_LIBS := libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 \
            libxcb-render-util.so.0 libxcb-shape.so.0 libxkbcommon-x11.so.0
# The stamp is made only once everything is there, so a later `sudo make sysdeps` still installs.
HAVE_SYSDEPS = missing=""; for lib in $(XCB_LIBS); do ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	command -v Xvfb >/dev/null 2>&1 || missing="$$missing Xvfb"; \
	command -v xdotool >/dev/null 2>&1 || missing="$$missing xdotool"; \
	fc-list 2>/dev/null | grep -q "Noto Color Emoji" || missing="$$missing fonts-noto-color-emoji"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"
$(SYSDEPS):
	@mkdir -p $(VENV)
	@$(HAVE_SYSDEPS); \
	if [ -z "$$missing" ]; then \
	    touch $(SYSDEPS); \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
	        libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
	        libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 xdotool \
	        fonts-noto-color-emoji >/dev/null && \
	    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
	      || echo "note: Debian's postgresql did not install; the PostgreSQL tests will say so"; } && \
	    touch $(SYSDEPS); \
	else \
	    echo "note:$$missing missing and not root; the real-window, emoji and PostgreSQL tests will skip"; \
	fi

# `make run` opens a real window: without Qt's X11 libraries it would abort, so stop first.
window-deps: $(SYSDEPS)
	@missing=""; for lib in $(XCB_LIBS); do ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	    echo "make run: the window needs$$missing; install them with: sudo make sysdeps" >&2; exit 1; \
	fi

sysdeps: $(SYSDEPS)

# The interface's translations: .ts sources in the repository, .qm compiled here (and packaged).
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@
translations: $(QM)

# After changing a visible string: the .ts files gain it (as unfinished) and lose what is gone.
translations-update: $(STAMP)
	$(PY) resources/translations/update_ts.py

# An installed package comes with its bytecode compiled; an editable one is compiled here, as
# a machine with PYTHONDONTWRITEBYTECODE set never writes it (each start would compile again).
BYTECODE := $(PY) -m compileall -q annotator

run: $(STAMP) window-deps translations
	$(BYTECODE)
	$(PY) main.py

# The project's dependencies and test extras from pyproject.toml, less Qt and Qt's pytest plugin.
$(CORE_STAMP): pyproject.toml
	test -x $(CORE_PY) || python3 -m venv $(CORE_VENV)
	$(CORE_PY) -m pip install -q --upgrade "pip>=24"
	$(CORE_PY) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	    print('\n'.join(r for r in p['dependencies'] + p['optional-dependencies']['test'] \
	                     if not r.lower().startswith(('pyside6', 'pytest-qt', 'ruff', 'mypy'))))" > $(CORE_VENV)/requirements.txt
	$(CORE_PY) -m pip install -q -r $(CORE_VENV)/requirements.txt
	$(CORE_PY) -m pip install -q --no-deps -e .
	touch $(CORE_STAMP)

test-core: $(CORE_STAMP)
	$(CORE_PY) -c "import importlib.util, sys; sys.exit('PySide6 is installed' if importlib.util.find_spec('PySide6') else 0)"
	$(CORE_PY) -m pytest -q -p no:cacheprovider tests/core tests/store

test: $(STAMP) $(SYSDEPS) translations test-core
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

bench: $(STAMP) translations
	$(BYTECODE)
	$(PY) -m bench

screenshot: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m annotator.ui.screenshot docs

clean:
	rm -rf $(VENV) $(CORE_VENV) .pytest_cache .hypothesis
