/**
 * Stand-in for the `obsidian` module, bundled in its place. Dataview's query path only needs Component (the base
 * class of its indexes) and the file classes (for `instanceof` checks); the view classes exist so that importing
 * the task view (for its nesting of task children) does not fail, and are never used.
 */

/** Lifecycle owner: keeps children and clean-up callbacks, as Obsidian's Component does. */
export class Component {
    private children: Component[] = [];
    private cleanups: (() => void)[] = [];

    load(): void {}
    onload(): void {}
    onunload(): void {}

    unload(): void {
        for (const child of this.children) child.unload();
        for (const cleanup of this.cleanups) cleanup();
        this.children = [];
        this.cleanups = [];
    }

    addChild<T extends Component>(child: T): T {
        this.children.push(child);
        return child;
    }

    removeChild<T extends Component>(child: T): T {
        this.children = this.children.filter(c => c !== child);
        return child;
    }

    register(cleanup: () => void): void {
        this.cleanups.push(cleanup);
    }

    registerEvent(_ref: unknown): void {}

    registerInterval(id: number): number {
        this.cleanups.push(() => clearInterval(id));
        return id;
    }

    registerDomEvent(): void {}
}

export abstract class TAbstractFile {
    vault: unknown;
    path = "";
    name = "";
    parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
    stat = { ctime: 0, mtime: 0, size: 0 };
    basename = "";
    extension = "";
}

export class TFolder extends TAbstractFile {
    children: TAbstractFile[] = [];

    isRoot(): boolean {
        return this.path === "/";
    }
}

export class MarkdownRenderChild extends Component {
    constructor(public containerEl: unknown) {
        super();
    }
}

export class MarkdownRenderer {}

export const Platform = { isMacOS: false, isMobile: false, isDesktop: true };

export const editorInfoField = undefined;
export const editorLivePreviewField = undefined;
