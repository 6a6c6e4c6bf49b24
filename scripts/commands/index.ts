/** The commands of `deeds`, loaded on demand so that `deeds --help` stays fast. */
export interface CommandModule {
  /** The full usage text, printed by `deeds <command> --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 content errors, 2 unusable input or usage). */
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  /** One line for `deeds --help`. */
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  new: { summary: '新建公告、名单或事迹（生成带正确字段的模板）', load: () => import('./new.ts') },
  check: {
    summary: '检查内容（字数、打码、个人信息、MDX 安全、名额合计、引用等），可 --fix',
    load: () => import('./check.ts'),
  },
  extract: {
    summary: '从通知、名单或事迹材料中读出文号、日期、名额、获奖者等（--json）',
    load: () => import('./extract.ts'),
  },
  normalise: {
    summary: '整理原始文本：去网站杂项和拼音残留、繁转简、全角标点（--log 写改动记录）',
    load: () => import('./normalise.ts'),
  },
  import: { summary: '导入原始文件（txt、html、docx）为内容条目，原件保存在旁边', load: () => import('./import.ts') },
  init: {
    summary: '把示例站变成本单位的空站点：删除示例内容，写入 content/site.yaml（--name 主办单位 --url 网站地址）',
    load: () => import('./init.ts'),
  },
};
