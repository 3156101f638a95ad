// Package screens is the exhibit's user interface: one window, the screens
// shown in it, navigation between them and the key bindings of keyboards
// and presentation clickers. Screens show what internal/exhibit loaded;
// they never parse files.
//
// The screens, each a type named xScreen in the file of the same name:
//
//   - homeScreen (home.go, plate.go): the title plate and the tiles;
//   - readerScreen (reader.go, readerplayer.go, tourpictures.go): a chapter,
//     its narration player and the guided tour's pictures;
//   - searchScreen (search.go): search of the whole exhibit;
//   - timelineScreen (timeline.go): the interactive timeline;
//   - galleryScreen and viewerScreen (gallery.go, viewer.go): pictures;
//   - clipScreen (clips.go): a video clip, through the media helper;
//   - originalScreen (original.go): the source document as printed;
//   - problemsScreen (problems.go): the pack's validation problems;
//   - settingsScreen (settings.go, settings_kiosk.go): settings, stored by
//     Prefs (prefs.go);
//   - captionTimerScreen (captiontimer.go): staff tap the start of each
//     sentence of a recording;
//   - presenterScreen (presenter.go): presenter console and audience slides;
//   - kiosk mode (kiosk.go) wraps whichever screen is shown.
//
// Navigation (nav.go): Exhibit.show puts a screen in the window, back and
// goHome walk the history, the openX methods open each screen, typedKey
// routes keys to the current screen first.
//
// To add a screen: write a type with the three methods of the screen
// interface (content, typedKey, shown) in its own file, add an openX method
// to nav.go that calls e.show(newXScreen(e), true), and put its strings in
// assets/translations (vi and en).
//
// Custom widgets live in sub-packages: chapterview, timeline, slideview,
// photoview, and the look in exhibittheme.
package screens
